package com.meridian.localstack;

import org.apache.kafka.common.Uuid;

import kafka.Kafka;
import kafka.tools.StorageTool;

/**
 * The main class of the child JVM that {@link LocalKafka} starts, with the path of a {@code server.properties}
 * as its only argument: formats the KRaft storage unless it is formatted already, then runs the broker until
 * SIGTERM. The broker never outlives the JVM that started it: when that parent dies, this JVM exits too.
 */
public final class KafkaBrokerMain {

    private KafkaBrokerMain() {
    }

    public static void main(String[] args) {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: KafkaBrokerMain <server.properties>");
        }
        exitWhenParentDies();
        formatStorage(args[0]);
        Kafka.main(new String[] {args[0]});
    }

    private static void exitWhenParentDies() {
        ProcessHandle parent = ProcessHandle.current().parent().orElseThrow();
        Thread watcher = new Thread(() -> {
            parent.onExit().join();
            System.exit(0); // runs the broker's own shutdown hook: a clean stop
        }, "parent-watcher");
        watcher.setDaemon(true);
        watcher.start();
    }

    private static void formatStorage(String serverProperties) {
        String[] format = {"format", "--cluster-id", Uuid.randomUuid().toString(), "--config", serverProperties,
            "--ignore-formatted"};
        int exitCode = StorageTool.execute(format, System.out);
        if (exitCode != 0) {
            System.err.println("Formatting the Kafka storage failed with exit code " + exitCode);
            System.exit(exitCode);
        }
    }
}
