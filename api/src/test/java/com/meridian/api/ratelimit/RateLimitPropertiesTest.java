package com.meridian.api.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import com.meridian.api.ratelimit.RateLimitProperties.Redis;
import com.meridian.api.ratelimit.RateLimitProperties.Store;

import io.lettuce.core.RedisURI;

class RateLimitPropertiesTest {

    private static final Duration MINUTE = Duration.ofMinutes(1);
    private static final Duration TIMEOUT = Duration.ofMillis(500);

    @Test
    void postgresqlNeedsNoRedisSettings() {
        RateLimitProperties properties = new RateLimitProperties(true, MINUTE, Store.POSTGRESQL, new Redis(null, null, null, TIMEOUT));

        assertThat(properties.store()).isEqualTo(Store.POSTGRESQL);
    }

    @Test
    void redisNeedsAUri() {
        assertThatThrownBy(() -> new RateLimitProperties(true, MINUTE, Store.REDIS, new Redis(" ", null, null, TIMEOUT)))
                .hasMessageContaining("meridian.rate-limit.redis.uri must be set");
    }

    @Test
    void aPasswordInTheUriIsRefusedWithoutRepeatingIt() {
        assertThatThrownBy(() -> new RateLimitProperties(true, MINUTE, Store.REDIS,
                new Redis("redis://:hunter2@cache:6379", null, null, TIMEOUT)))
                .hasMessageContaining("must not carry credentials")
                .hasMessageContaining("MERIDIAN_RATE_LIMIT_REDIS_PASSWORD")
                .hasMessageNotContaining("hunter2");
    }

    @Test
    void aBareSecretInTheUriIsRefusedToo() {
        // Lettuce would take redis://hunter2@cache as the password hunter2
        assertThatThrownBy(() -> new RateLimitProperties(true, MINUTE, Store.REDIS,
                new Redis("redis://hunter2@cache:6379", null, null, TIMEOUT)))
                .hasMessageContaining("must not carry credentials")
                .hasMessageNotContaining("hunter2");
    }

    @Test
    void anUnparsableUriIsRefusedWithoutRepeatingIt() {
        assertThatThrownBy(() -> new RateLimitProperties(true, MINUTE, Store.REDIS, new Redis("http://x:hunter2@cache", null, null, TIMEOUT)))
                .hasMessageContaining("is not a Redis URI")
                .hasMessageNotContaining("hunter2");
    }

    @Test
    void thePasswordReachesTheClientButNoPrintout() {
        Redis redis = new Redis("rediss://cache:6380", "rate-limiter", "hunter2", TIMEOUT);
        RateLimitProperties properties = new RateLimitProperties(true, MINUTE, Store.REDIS, redis);

        RedisURI client = redis.clientUri();

        assertThat(new String(client.getPassword())).isEqualTo("hunter2");
        assertThat(client.getUsername()).isEqualTo("rate-limiter");
        assertThat(client.isSsl()).isTrue();
        assertThat(client.getTimeout()).isEqualTo(TIMEOUT);
        assertThat(properties.toString()).doesNotContain("hunter2").contains("password=******");
        assertThat(client.toString()).doesNotContain("hunter2");
    }

    @Test
    void aPasswordInAnUnusedUriIsStillMaskedInPrintouts() {
        Redis redis = new Redis("redis://:hunter2@cache:6379", null, null, TIMEOUT);

        assertThat(new RateLimitProperties(true, MINUTE, Store.POSTGRESQL, redis).toString())
                .doesNotContain("hunter2").contains("redis://***@cache:6379");
    }
}
