package com.meridian.localstack;

import static com.meridian.localstack.Probes.acceptsConnections;
import static com.meridian.localstack.Probes.isAlive;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/** {@code kill -9} of the JVM that owns a stack must not leave PostgreSQL, the broker or Redis running. */
class OrphanCleanupIT {

    @Test
    void killingTheOwningJvmLeavesNoServerBehind() throws Exception {
        Process owner = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), OrphanProbeMain.class.getName())
                .redirectErrorStream(true)
                .start();
        Map<String, String> facts = readFactsUntilReady(owner);
        int postgresPort = Integer.parseInt(facts.get("PG_PORT"));
        long postmaster = Long.parseLong(facts.get("POSTMASTER_PID"));
        long broker = Long.parseLong(facts.get("BROKER_PID"));
        int redisPort = Integer.parseInt(facts.get("REDIS_PORT"));
        long redis = Long.parseLong(facts.get("REDIS_PID"));
        assertThat(isAlive(postmaster) && isAlive(broker) && isAlive(redis)).as("servers up before the kill").isTrue();

        owner.destroyForcibly().waitFor();

        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            assertThat(isAlive(postmaster)).as("postmaster alive").isFalse();
            assertThat(isAlive(broker)).as("broker alive").isFalse();
            assertThat(acceptsConnections(postgresPort)).as("PostgreSQL accepts connections").isFalse();
            assertThat(isAlive(redis)).as("redis-server alive").isFalse();
            assertThat(acceptsConnections(redisPort)).as("Redis accepts connections").isFalse();
        });
    }

    /** The child's output is mostly log lines; the facts are the {@code KEY=value} lines before READY. */
    private static Map<String, String> readFactsUntilReady(Process owner) {
        StringBuffer output = new StringBuffer();
        CompletableFuture<Map<String, String>> facts = CompletableFuture.supplyAsync(() -> readFacts(owner, output));
        try {
            return facts.get(90, TimeUnit.SECONDS);
        } catch (Exception e) {
            owner.destroyForcibly();
            throw new AssertionError("the child JVM did not get ready; its output:\n" + output, e);
        }
    }

    private static Map<String, String> readFacts(Process owner, StringBuffer output) {
        Map<String, String> facts = new HashMap<>();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(owner.getInputStream(), UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                output.append(line).append('\n');
                if (line.equals("READY")) {
                    return facts;
                }
                if (line.matches("[A-Z_]+=\\d+")) {
                    facts.put(line.substring(0, line.indexOf('=')), line.substring(line.indexOf('=') + 1));
                }
            }
            throw new IllegalStateException("the child JVM exited before it was ready");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
