package com.meridian.localstack;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.ProcessBuilder.Redirect;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One {@code redis-server} child process on 127.0.0.1, configured by a file in its own directory: no
 * persistence (the data is thrown away), a pid file the orphan watchdog reads, its log in {@code redis.log}.
 * It can be stopped and started again on the same port and directory, to let a test take Redis away from the
 * clients that use it and give it back.
 */
final class RedisProcess {

    private static final Logger log = LoggerFactory.getLogger(RedisProcess.class);
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);

    private final Path executable;
    private final Path dir;
    private final int port;
    private Process process;

    RedisProcess(Path executable, Path dir, int port, String password) {
        this.executable = executable;
        this.dir = dir;
        this.port = port;
        writeConfig(password);
    }

    int port() {
        return port;
    }

    synchronized long pid() {
        return process.pid();
    }

    synchronized boolean running() {
        return process != null && process.isAlive();
    }

    /** Starts the server; blocks until it answers. */
    synchronized void start() {
        if (running()) {
            return;
        }
        try {
            process = new ProcessBuilder(executable.toString(), config().toString())
                    .directory(dir.toFile())
                    .redirectInput(Redirect.from(Path.of("/dev/null").toFile()))
                    .redirectErrorStream(true)
                    .redirectOutput(Redirect.appendTo(dir.resolve("redis.log").toFile()))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + executable, e);
        }
        awaitReady();
    }

    /** Stops the server (SIGTERM; it saves nothing) and waits until it is gone. The files stay. */
    synchronized void stop() {
        if (process == null) {
            return;
        }
        if (!Commands.terminate(process, STOP_TIMEOUT)) {
            log.warn("redis-server on port {} ignored SIGTERM for {} and was killed", port, STOP_TIMEOUT);
        }
        process = null;
    }

    /** What the watchdog runs if this JVM dies without stopping the server. */
    String killScript() {
        Path pidFile = dir.resolve("redis.pid");
        return "[ -f " + Commands.shellQuote(pidFile) + " ] && kill -9 \"$(cat " + Commands.shellQuote(pidFile)
                + ")\" 2>/dev/null";
    }

    private void writeConfig(String password) {
        StringBuilder config = new StringBuilder()
                .append("bind 127.0.0.1\n")
                .append("port ").append(port).append('\n')
                .append("dir ").append(quoted(dir)).append('\n')
                .append("pidfile ").append(quoted(dir.resolve("redis.pid"))).append('\n')
                .append("daemonize no\n")
                .append("save \"\"\n")
                .append("appendonly no\n");
        if (password != null) {
            config.append("requirepass ").append(quoted(password)).append('\n');
        }
        try {
            Files.writeString(config(), config, UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + config(), e);
        }
    }

    private Path config() {
        return dir.resolve("redis.conf");
    }

    private static String quoted(Object value) {
        return '"' + value.toString().replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }

    /** Ready once it answers PING (with PONG, or NOAUTH when it wants a password). */
    private void awaitReady() {
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("redis-server on port " + port + " exited with "
                        + process.exitValue() + ":\n" + logTail());
            }
            if (answersPing()) {
                return;
            }
            sleep(20);
        }
        process.destroyForcibly();
        throw new IllegalStateException("redis-server on port " + port + " did not answer within " + READY_TIMEOUT
                + ":\n" + logTail());
    }

    private boolean answersPing() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            socket.setSoTimeout(1000);
            OutputStream out = socket.getOutputStream();
            out.write("PING\r\n".getBytes(UTF_8));
            out.flush();
            InputStream in = socket.getInputStream();
            int first = in.read();
            return first == '+' || first == '-';
        } catch (IOException notYet) {
            return false;
        }
    }

    private String logTail() {
        try {
            String all = Files.readString(dir.resolve("redis.log"), UTF_8);
            return all.length() > 4000 ? all.substring(all.length() - 4000) : all;
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }


    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for redis-server", e);
        }
    }
}
