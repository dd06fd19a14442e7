package com.meridian.ingest.stream;

import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;

import com.meridian.localstack.KafkaBrokerMain;

/**
 * A single-node KRaft broker in a child JVM that keeps its ports and its data across {@link #kill()} and
 * {@link #start()}: the broker restart of the exactly-once test. (The local stack's broker deletes its data when
 * it stops, so it cannot be restarted.)
 */
final class RestartableBroker implements AutoCloseable {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);

    private final Path dir;
    private final int port;
    private final int controllerPort;
    private Process process;

    RestartableBroker(Path dir) throws IOException {
        this.dir = Files.createDirectories(dir);
        this.port = freePort();
        this.controllerPort = freePort();
        Files.writeString(dir.resolve("server.properties"), String.join("\n",
                "process.roles=broker,controller", "node.id=1",
                "controller.quorum.voters=1@127.0.0.1:" + controllerPort,
                "listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort,
                "advertised.listeners=PLAINTEXT://127.0.0.1:" + port, "controller.listener.names=CONTROLLER",
                "inter.broker.listener.name=PLAINTEXT",
                "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                "log.dirs=" + dir.resolve("data"), "offsets.topic.replication.factor=1",
                "transaction.state.log.replication.factor=1", "transaction.state.log.min.isr=1",
                "share.coordinator.state.topic.replication.factor=1", "share.coordinator.state.topic.min.isr=1",
                "group.initial.rebalance.delay.ms=0", "auto.create.topics.enable=false", ""));
    }

    String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    /** Starts the broker on its ports and data; returns when it answers. */
    void start() throws IOException, InterruptedException {
        // the first start formats the storage; a restart must not, or the cluster id would change
        boolean formatted = Files.exists(dir.resolve("data").resolve("meta.properties"));
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-cp", classPath(),
                (formatted ? Restart.class : KafkaBrokerMain.class).getName(),
                dir.resolve("server.properties").toString());
        process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("broker.log").toFile())).start();
        awaitReady();
    }

    /** SIGKILL: the broker stops without a clean shutdown, like a crashed machine. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(15, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null) {
            process.destroy();
            if (!process.waitFor(15, TimeUnit.SECONDS)) {
                kill();
            }
        }
    }

    private void awaitReady() throws InterruptedException {
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        while (!listening()) {
            check(deadline);
            Thread.sleep(100);
        }
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()))) {
            while (true) {
                try {
                    if (!admin.describeCluster(new DescribeClusterOptions().timeoutMs(2000)).nodes().get().isEmpty()
                            && everyPartitionHasALeader(admin)) {
                        return;
                    }
                } catch (ExecutionException notYet) {
                    check(deadline);
                }
                Thread.sleep(100);
            }
        }
    }

    /** After a restart the broker answers before it leads its partitions again; producing then races leadership. */
    private static boolean everyPartitionHasALeader(Admin admin) throws ExecutionException, InterruptedException {
        var topics = admin.listTopics().names().get();
        return admin.describeTopics(topics).allTopicNames().get().values().stream()
                .flatMap(topic -> topic.partitions().stream())
                .allMatch(partition -> partition.leader() != null && !partition.leader().isEmpty());
    }

    private void check(long deadline) {
        if (!process.isAlive() || System.nanoTime() > deadline) {
            throw new IllegalStateException("the broker on port " + port + " did not start; see " + dir);
        }
    }

    private boolean listening() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException notYet) {
            return false;
        }
    }

    /** The main of a restarted broker: no formatting, and it exits when the test JVM does. */
    public static final class Restart {

        public static void main(String[] args) {
            ProcessHandle parent = ProcessHandle.current().parent().orElseThrow();
            Thread watcher = new Thread(() -> {
                parent.onExit().join();
                System.exit(0);
            }, "parent-watcher");
            watcher.setDaemon(true);
            watcher.start();
            kafka.Kafka.main(args);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static String classPath() {
        return Stream.of(System.getProperty("java.class.path").split(File.pathSeparator))
                .map(entry -> Path.of(entry).toAbsolutePath().toString())
                .collect(Collectors.joining(File.pathSeparator));
    }
}
