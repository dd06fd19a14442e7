package com.meridian.localstack;

import static com.meridian.localstack.Probes.acceptsConnections;
import static com.meridian.localstack.Probes.isAlive;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;

/** The machine's redis-server (or the bundled one where there is none), as the api module's tests use it. */
class LocalRedisIT {

    @Test
    void servesCommandsSurvivesARestartAndLeavesNothingBehind() {
        long pid;
        Path dir;
        try (LocalRedis redis = LocalRedis.start()) {
            pid = redis.pid();
            dir = redis.dir();
            assertThat(redis.uri()).isEqualTo("redis://127.0.0.1:" + redis.port());
            assertThat(dir).startsWith(Path.of("target").toAbsolutePath());
            assertThat(setThenGet(RedisURI.create(redis.uri()))).isEqualTo("v");

            redis.stop();
            assertThat(acceptsConnections(redis.port())).as("accepts connections while stopped").isFalse();
            assertThat(isAlive(pid)).as("first server alive").isFalse();

            redis.restart();
            assertThat(setThenGet(RedisURI.create(redis.uri()))).isEqualTo("v");
            pid = redis.pid();
        }

        assertThat(isAlive(pid)).as("redis-server alive").isFalse();
        assertThat(Files.exists(dir)).as("files left in " + dir).isFalse();
    }

    @Test
    void aPasswordProtectedServerRefusesAnonymousClients() {
        try (LocalRedis redis = LocalRedis.startWithPassword("s3cret with \"quotes\"")) {
            assertThatThrownBy(() -> setThenGet(RedisURI.create(redis.uri())))
                    .hasStackTraceContaining("NOAUTH");

            RedisURI authenticated = RedisURI.create(redis.uri());
            authenticated.setPassword("s3cret with \"quotes\"".toCharArray());
            assertThat(setThenGet(authenticated)).isEqualTo("v");
        }
    }

    static String setThenGet(RedisURI uri) {
        RedisClient client = RedisClient.create(uri);
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            connection.sync().set("k", "v");
            return connection.sync().get("k");
        } finally {
            client.shutdown();
        }
    }
}
