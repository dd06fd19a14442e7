package com.meridian.localstack;

import static com.meridian.localstack.Probes.isAlive;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;

/** The fallback for machines without redis-server, forced here in case this machine has one. */
class EmbeddedRedisFallbackIT {

    @Test
    void theBundledBinaryServesTheSameApi() {
        long pid;
        try (LocalRedis redis = LocalRedis.startEmbedded()) {
            pid = redis.pid();
            assertThat(redis.description()).startsWith("embedded-redis's bundled binary");
            assertThat(serverVersion(redis)).startsWith("6.2.");
            assertThat(LocalRedisIT.setThenGet(RedisURI.create(redis.uri()))).isEqualTo("v");
        }

        assertThat(isAlive(pid)).as("redis-server alive").isFalse();
    }

    private static String serverVersion(LocalRedis redis) {
        RedisClient client = RedisClient.create(redis.uri());
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            String info = connection.sync().info("server");
            return info.lines().filter(line -> line.startsWith("redis_version:")).findFirst().orElseThrow()
                    .substring("redis_version:".length());
        } finally {
            client.shutdown();
        }
    }
}
