package com.meridian.localstack;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real Redis server on 127.0.0.1 and a free port, without persistence, with its files in a fresh directory
 * under the module's {@code target/}; it answers when {@link #start()} returns.
 *
 * <p>It runs the machine's own {@code redis-server} (see {@link RedisBinaries}; {@code .ci/run} installs
 * Debian's), falling back to the binary bundled in embedded-redis. {@link #close()} stops it and deletes its
 * files; a shutdown hook does so at JVM exit if nobody closed it, and a detached watchdog does so if the JVM is
 * killed. {@link #stop()} and {@link #restart()} take the server away from its clients and give it back.
 */
public final class LocalRedis implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LocalRedis.class);
    private static final String HOST = "127.0.0.1";

    private final RedisProcess server;
    private final Path dir;
    private final String description;
    private final OrphanWatchdog watchdog;
    private final SafetyNet safetyNet;
    private final AtomicBoolean closed = new AtomicBoolean();

    private LocalRedis(RedisProcess server, Path dir, String description) {
        this.server = server;
        this.dir = dir;
        this.description = description;
        this.watchdog = OrphanWatchdog.spawn(server.killScript() + "; rm -rf " + Commands.shellQuote(dir));
        this.safetyNet = SafetyNet.arm("Redis on port " + server.port(), this::close);
    }

    /** Starts a new server that needs no password; blocks until it answers. */
    public static LocalRedis start() {
        return start(null, false);
    }

    /** Starts a new server that refuses every command until the client authenticates with {@code password}. */
    public static LocalRedis startWithPassword(String password) {
        return start(password, false);
    }

    /** Runs the bundled binary even if the machine has its own, to test the fallback. */
    static LocalRedis startEmbedded() {
        return start(null, true);
    }

    private static LocalRedis start(String password, boolean forceEmbedded) {
        long started = System.nanoTime();
        Path dir = TempDirs.createUnderBuildDir("meridian-redis-");
        try {
            Path machine = forceEmbedded ? null : RedisBinaries.find().orElse(null);
            Path executable = machine != null ? machine : EmbeddedRedisFallback.extract(dir);
            String description = (machine != null ? executable : "embedded-redis's bundled binary") + ", files in " + dir;
            RedisProcess server = new RedisProcess(executable, dir, FreePorts.take(1)[0], password);
            LocalRedis redis = new LocalRedis(server, dir, description);
            try {
                server.start();
            } catch (RuntimeException e) {
                redis.close();
                throw e;
            }
            log.info("Redis ready on {}:{} in {} ms ({})", HOST, server.port(),
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started), description);
            return redis;
        } catch (RuntimeException e) {
            TempDirs.deleteRecursively(dir);
            throw e;
        }
    }

    public String host() {
        return HOST;
    }

    public int port() {
        return server.port();
    }

    /** {@code redis://127.0.0.1:<port>}, without credentials. */
    public String uri() {
        return "redis://" + HOST + ":" + port();
    }

    /** The pid of the running server. */
    public long pid() {
        return server.pid();
    }

    /** Where the server comes from and where its files live. */
    public String description() {
        return description;
    }

    Path dir() {
        return dir;
    }

    /** Whether the server runs (it does, unless {@link #stop()}ped or closed). */
    public boolean running() {
        return server.running();
    }

    /** Stops the server, as an outage would; its clients' connections drop. {@link #restart()} brings it back. */
    public void stop() {
        server.stop();
        log.info("Redis on port {} stopped", port());
    }

    /** Starts the stopped server again on the same port, empty; blocks until it answers. */
    public void restart() {
        if (closed.get()) {
            throw new IllegalStateException("Redis on port " + port() + " is closed");
        }
        server.start();
        log.info("Redis on port {} started again", port());
    }

    /** Stops the server and deletes its files. Calling it again does nothing. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            safetyNet.disarm();
            try {
                server.stop();
            } finally {
                watchdog.cancel();
                TempDirs.deleteRecursively(dir);
            }
        }
    }
}
