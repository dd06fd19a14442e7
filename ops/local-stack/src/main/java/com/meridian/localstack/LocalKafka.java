package com.meridian.localstack;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real Kafka broker (KRaft, broker and controller in one node) on 127.0.0.1 and free ports, running in a
 * child JVM built from this JVM's classpath, ready to serve clients when {@link #start()} returns. The
 * cluster supports transactions and exactly-once processing; topics are not created automatically.
 *
 * <p>The broker's output (WARN and above, if logback is on the classpath) goes to {@code broker.log} in its
 * temp directory, never to this JVM's console. {@link #close()} stops it and deletes its files; a shutdown
 * hook does so at JVM exit if nobody closed it, and the broker exits by itself if this JVM is killed.
 */
public final class LocalKafka implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LocalKafka.class);
    private static final String HOST = "127.0.0.1";
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(15);
    private static final int PORT_ATTEMPTS = 3;
    private static final String PORT_IN_USE = "Address already in use";
    private static final String LOGBACK = """
            <configuration>
              <appender name="console" class="ch.qos.logback.core.ConsoleAppender">
                <encoder><pattern>%d{HH:mm:ss.SSS} %-5level [%thread] %logger - %msg%n</pattern></encoder>
              </appender>
              <root level="WARN"><appender-ref ref="console"/></root>
            </configuration>
            """;

    private final Path dir;
    private final Process broker;
    private final int port;
    private final OrphanWatchdog watchdog;
    private final SafetyNet safetyNet;
    private final AtomicBoolean closed = new AtomicBoolean();

    private LocalKafka(Path dir, Process broker, int port) {
        this.dir = dir;
        this.broker = broker;
        this.port = port;
        this.watchdog = OrphanWatchdog.spawn(killAndDeleteScript(broker.pid(), dir));
        this.safetyNet = SafetyNet.arm("Kafka broker on port " + port, this::close);
    }

    /**
     * Starts a new broker; blocks until it answers an Admin {@code describeCluster}. A port found free can be taken
     * before the broker binds it (by any process's outgoing connection, which draws from the same range), so a
     * broker that exits because its port is in use is started again on other ports.
     */
    public static LocalKafka start() {
        for (int attempt = 1; ; attempt++) {
            try {
                return startOnce();
            } catch (PortTakenException e) {
                if (attempt == PORT_ATTEMPTS) {
                    throw e.failure;
                }
                log.info("A port chosen for the Kafka broker was taken before it could bind; trying other ports");
            }
        }
    }

    private static LocalKafka startOnce() {
        long started = System.nanoTime();
        Path dir = TempDirs.create("meridian-kafka-");
        int[] ports = FreePorts.take(2);
        Process broker = launch(dir, new KafkaServerProperties(ports[0], ports[1], dir.resolve("data")));
        LocalKafka kafka = new LocalKafka(dir, broker, ports[0]);
        try {
            kafka.awaitReady();
        } catch (RuntimeException e) {
            boolean portTaken = !broker.isAlive() && tail(dir.resolve("broker.log"), 200).contains(PORT_IN_USE);
            kafka.close();
            throw portTaken ? new PortTakenException(e) : e;
        }
        log.info("Kafka broker ready on {} in {} ms (pid {}, data and broker.log in {})", kafka.bootstrapServers(),
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started), kafka.pid(), dir);
        return kafka;
    }

    /** {@code 127.0.0.1:<port>}. */
    public String bootstrapServers() {
        return HOST + ":" + port;
    }

    long pid() {
        return broker.pid();
    }

    /**
     * Stops the broker (SIGTERM, then SIGKILL after 15 s) and deletes its files. Calling it again does
     * nothing.
     */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            safetyNet.disarm();
            stop();
            watchdog.cancel();
            TempDirs.deleteRecursively(dir);
        }
    }

    private static Process launch(Path dir, KafkaServerProperties properties) {
        Path serverProperties = write(dir.resolve("server.properties"), properties.render());
        Path logback = write(dir.resolve("logback.xml"), LOGBACK);
        List<String> command = new ArrayList<>();
        // its own session: a Ctrl-C reaches the app first, which then stops the broker after its own beans
        Os.onPath("setsid").ifPresent(setsid -> command.add(setsid.toString()));
        command.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-Dlogback.configurationFile=" + logback,
                "-cp", absoluteClassPath(),
                KafkaBrokerMain.class.getName(), serverProperties.toString()));
        try {
            return new ProcessBuilder(command)
                    .directory(dir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(dir.resolve("broker.log").toFile())
                    .start();
        } catch (IOException e) {
            TempDirs.deleteRecursively(dir);
            throw new UncheckedIOException("cannot start the Kafka broker JVM", e);
        }
    }

    /** The broker runs in its own directory, so relative entries ({@code target/classes}) must be resolved here. */
    private static String absoluteClassPath() {
        return Stream.of(System.getProperty("java.class.path").split(File.pathSeparator))
                .map(entry -> Path.of(entry).toAbsolutePath().toString())
                .collect(Collectors.joining(File.pathSeparator));
    }

    /** Once this JVM is gone, gives the broker 15 s to notice and exit, then kills it. */
    private static String killAndDeleteScript(long brokerPid, Path dir) {
        return "i=0; while kill -0 " + brokerPid + " 2>/dev/null && [ $i -lt 15 ]; do sleep 1; i=$((i+1)); done; "
                + "kill -9 " + brokerPid + " 2>/dev/null; rm -rf " + Commands.shellQuote(dir);
    }

    private void awaitReady() {
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        // the admin client logs a warning for every refused connection, so wait for the listener first
        while (!acceptsConnections()) {
            checkStarting(deadline);
            sleep(100);
        }
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()))) {
            while (!hasNodes(admin)) {
                checkStarting(deadline);
                sleep(100);
            }
        }
    }

    private boolean acceptsConnections() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(HOST, port), 1000);
            return true;
        } catch (IOException notYet) {
            return false;
        }
    }

    private static boolean hasNodes(Admin admin) {
        try {
            return !admin.describeCluster(new DescribeClusterOptions().timeoutMs(2000)).nodes().get().isEmpty();
        } catch (ExecutionException notYet) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the Kafka broker", e);
        }
    }

    private void checkStarting(long deadline) {
        if (!broker.isAlive()) {
            throw failure("exited with code " + broker.exitValue());
        }
        if (System.nanoTime() > deadline) {
            throw failure("is not ready after " + READY_TIMEOUT.toSeconds() + " s");
        }
    }

    private IllegalStateException failure(String problem) {
        return new IllegalStateException("The Kafka broker on port " + port + " " + problem
                + "; the end of its broker.log:\n" + tail(dir.resolve("broker.log"), 40));
    }

    private void stop() {
        // SIGTERM first: the broker's shutdown hook stops it cleanly
        if (!Commands.terminate(broker, STOP_TIMEOUT)) {
            log.warn("The Kafka broker (pid {}) ignored SIGTERM for {} s and was killed", broker.pid(),
                    STOP_TIMEOUT.toSeconds());
        }
    }

    private static Path write(Path file, String content) {
        try {
            return Files.writeString(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String tail(Path file, int lines) {
        try {
            List<String> all = new String(Files.readAllBytes(file), UTF_8).lines().toList();
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(no broker.log: " + e.getMessage() + ")";
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the Kafka broker", e);
        }
    }

    /** The broker could not bind a port that was free when chosen. */
    private static final class PortTakenException extends RuntimeException {

        private final RuntimeException failure;

        PortTakenException(RuntimeException failure) {
            super(failure.getMessage(), failure, false, false);
            this.failure = failure;
        }
    }
}
