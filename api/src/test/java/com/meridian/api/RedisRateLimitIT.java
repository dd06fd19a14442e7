package com.meridian.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import java.util.function.Function;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.meridian.api.apikeys.ApiKeys;
import com.meridian.api.ratelimit.TenantRateLimiter;
import com.meridian.api.ratelimit.internal.RedisTenantBuckets;
import com.meridian.api.security.Role;
import com.meridian.api.tenants.Tenants;
import com.meridian.localstack.LocalRedis;
import com.meridian.tenancy.TenantDatabase;
import com.meridian.tenancy.TenantId;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.output.StatusOutput;
import io.lettuce.core.protocol.CommandArgs;
import io.lettuce.core.protocol.CommandType;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The Redis store of the rate limits ({@code meridian.rate-limit.store=redis}): two API instances against one
 * real, password-protected Redis server share one bucket per tenant, whose key expires; and when Redis goes
 * away, an instance fails open to a bucket of its own, counts it, and returns to the shared bucket once Redis
 * is back (also one started during the outage); a Redis that hangs costs a request the timeout, not the hang.
 * A plan change reaches the bucket as it does with PostgreSQL.
 */
class RedisRateLimitIT extends ApiTestBase {

    private static final int FREE_PLAN_PER_MINUTE = 60;
    private static final String PASSWORD = "rate-limit-" + UUID.randomUUID();

    private static LocalRedis redis;
    private static ConfigurableApplicationContext first;
    private static ConfigurableApplicationContext second;

    @Autowired
    Tenants tenants;

    @Autowired
    ApiKeys apiKeys;

    @Autowired
    Environment environment;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TenantDatabase database;

    @BeforeAll
    static void startRedis() {
        redis = LocalRedis.startWithPassword(PASSWORD);
    }

    @BeforeEach
    void startInstances() {
        if (first == null) {
            first = redisInstance();
            second = redisInstance();
        }
    }

    @AfterAll
    static void stopAll() {
        try (LocalRedis closedLast = redis) {
            if (second != null) {
                second.close();
            }
            if (first != null) {
                first.close();
            }
        }
    }

    @Test
    void twoInstancesShareOneExpiringBucketPerTenant() throws Exception {
        TenantId tenant = freeTenant("redis-a");
        TenantId other = freeTenant("redis-b");
        String key = keyOf(tenant);
        int[] ports = {AnotherInstance.port(first), AnotherInstance.port(second)};
        double fallbacksBefore = fallbacks(first) + fallbacks(second);

        for (int i = 0; i < FREE_PLAN_PER_MINUTE; i++) {
            HttpResponse<String> allowed = tenantOn(ports[i % 2], key);
            assertThat(allowed.statusCode()).as("request %d", i + 1).isEqualTo(200);
            assertThat(allowed.headers().firstValue("RateLimit-Limit")).hasValue("60");
            assertThat(allowed.headers().firstValue("RateLimit-Remaining")).hasValue(Integer.toString(FREE_PLAN_PER_MINUTE - i - 1));
            assertThat(Integer.parseInt(allowed.headers().firstValue("RateLimit-Reset").orElseThrow())).isBetween(1, 60);
        }
        HttpResponse<String> refused = tenantOn(ports[1], key);

        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(body(refused).get("code").asString()).isEqualTo("RATE_LIMITED");
        assertThat(Integer.parseInt(refused.headers().firstValue("Retry-After").orElseThrow())).isBetween(1, 60);
        assertThat(refused.headers().firstValue("RateLimit-Limit")).hasValue("60");
        assertThat(refused.headers().firstValue("RateLimit-Remaining")).hasValue("0");
        assertThat(refused.headers().firstValue("RateLimit-Reset")).isEqualTo(refused.headers().firstValue("Retry-After"));

        HttpResponse<String> otherTenant = tenantOn(ports[0], keyOf(other));
        assertThat(otherTenant.statusCode()).as("another tenant is unaffected").isEqualTo(200);
        assertThat(otherTenant.headers().firstValue("RateLimit-Remaining")).hasValue("59");

        long ttlMillis = redisTtlMillis(tenant, FREE_PLAN_PER_MINUTE);
        assertThat(ttlMillis).as("TTL of the tenant's key (ms)").isBetween(1L, 70_000L);
        assertThat(jdbc.sql("select count(*) from api_rate_limit_buckets where bucket_key = ?")
                .param(TenantRateLimiter.bucketKey(tenant, FREE_PLAN_PER_MINUTE)).query(Long.class).single()).as("buckets in PostgreSQL").isZero();
        assertThat(fallbacks(first) + fallbacks(second)).as("requests decided without Redis").isEqualTo(fallbacksBefore);
    }

    @Test
    void withoutRedisAnInstanceLimitsOnItsOwnAndCountsItUntilRedisIsBack() throws Exception {
        TenantId tenant = freeTenant("redis-outage");
        String key = keyOf(tenant);
        int port = AnotherInstance.port(first);
        assertThat(tenantOn(port, key).headers().firstValue("RateLimit-Remaining")).hasValue("59");
        double fallbacksBefore = fallbacks(first);

        redis.stop();
        try {
            HttpResponse<String> failedOpen = tenantOn(port, key);

            assertThat(failedOpen.statusCode()).as("answered without Redis").isEqualTo(200);
            assertThat(failedOpen.headers().firstValue("RateLimit-Limit")).hasValue("60");
            assertThat(failedOpen.headers().firstValue("RateLimit-Remaining")).as("a new bucket of the instance's own").hasValue("59");
            assertThat(fallbacks(first)).isEqualTo(fallbacksBefore + 1);
            assertThat(available(first)).isZero();
            assertThat(prometheus(port)).contains("meridian_rate_limit_store_fallbacks_total{application=\"meridian\",store=\"redis\"} "
                    + (fallbacksBefore + 1), "meridian_rate_limit_store_available{application=\"meridian\",store=\"redis\"} 0.0");

            for (int i = 1; i < FREE_PLAN_PER_MINUTE; i++) {
                assertThat(tenantOn(port, key).statusCode()).as("request %d without Redis", i + 1).isEqualTo(200);
            }
            HttpResponse<String> refused = tenantOn(port, key);
            assertThat(refused.statusCode()).as("the plan still bounds each instance").isEqualTo(429);
            assertThat(refused.headers().firstValue("Retry-After")).isPresent();

            try (ConfigurableApplicationContext startedDuringTheOutage = redisInstance()) {
                int latePort = AnotherInstance.port(startedDuringTheOutage);
                assertThat(tenantOn(latePort, key).statusCode()).as("an instance started without Redis answers").isEqualTo(200);
                assertThat(available(startedDuringTheOutage)).isZero();

                redis.restart();

                await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
                    assertThat(tenantOn(latePort, key).statusCode()).isEqualTo(200);
                    assertThat(available(startedDuringTheOutage)).as("Redis in use by the late instance").isEqualTo(1);
                });
            }
        } finally {
            if (!redis.running()) {
                redis.restart();
            }
        }

        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            assertThat(tenantOn(port, key).statusCode()).isEqualTo(200);
            assertThat(available(first)).as("Redis in use again").isEqualTo(1);
        });
        assertThat(redisTtlMillis(tenant, FREE_PLAN_PER_MINUTE)).as("the bucket is in the restarted Redis").isPositive();
    }

    @Test
    void aRedisThatHangsCostsARequestTheTimeoutNotTheHang() throws Exception {
        TenantId tenant = freeTenant("redis-hang");
        String key = keyOf(tenant);
        int port = AnotherInstance.port(second);
        assertThat(tenantOn(port, key).statusCode()).isEqualTo(200);
        double fallbacksBefore = fallbacks(second);

        // the connection stays up, but Redis holds every write (a bucket update is one) for 20 s
        redisCommand(connection -> client(connection, "PAUSE", "20000", "WRITE"));
        try {
            long started = System.nanoTime();
            HttpResponse<String> answered = tenantOn(port, key);
            Duration waited = Duration.ofNanos(System.nanoTime() - started);

            assertThat(answered.statusCode()).isEqualTo(200);
            assertThat(answered.headers().firstValue("RateLimit-Limit")).hasValue("60");
            assertThat(fallbacks(second)).isEqualTo(fallbacksBefore + 1);
            assertThat(waited).as("answered long before Redis would have").isLessThan(Duration.ofSeconds(10));
        } finally {
            redisCommand(connection -> client(connection, "UNPAUSE"));
        }

        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            assertThat(tenantOn(port, key).statusCode()).isEqualTo(200);
            assertThat(available(second)).as("Redis in use again").isEqualTo(1);
        });
    }

    @Test
    void aPlanChangeTakesEffectWithinThePlanCacheTtl() throws Exception {
        TenantId tenant = freeTenant("redis-plan");
        String key = keyOf(tenant);
        int port = AnotherInstance.port(second);
        for (int i = 0; i < FREE_PLAN_PER_MINUTE; i++) {
            tenantOn(port, key);
        }
        assertThat(tenantOn(port, key).statusCode()).as("free plan exhausted").isEqualTo(429);

        PlanChanges.change(database, tenant, "starter");

        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            HttpResponse<String> upgraded = tenantOn(port, key);
            assertThat(upgraded.statusCode()).isEqualTo(200);
            assertThat(upgraded.headers().firstValue("RateLimit-Limit")).hasValue(Integer.toString(PlanChanges.STARTER_PER_MINUTE));
        });
        assertThat(redisTtlMillis(tenant, PlanChanges.STARTER_PER_MINUTE)).as("TTL of the new bucket's key").isPositive();
    }

    private ConfigurableApplicationContext redisInstance() {
        return AnotherInstance.start(environment, "--meridian.rate-limit.plan-cache-ttl=" + PlanChanges.PLAN_CACHE_TTL,
                "--meridian.rate-limit.store=redis",
                "--meridian.rate-limit.redis.uri=" + redis.uri(), "--meridian.rate-limit.redis.password=" + PASSWORD);
    }

    private TenantId freeTenant(String prefix) {
        String slug = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        return tenants.onboard(slug, prefix, "o@" + slug + ".example", "free").tenant();
    }

    private String keyOf(TenantId tenant) {
        return apiKeys.issue(tenant, "rate test", Role.VIEWER).plaintext();
    }

    private HttpResponse<String> tenantOn(int instancePort, String apiKey) throws Exception {
        return send(HttpRequest.newBuilder(URI.create("http://localhost:" + instancePort + "/v1/tenant"))
                .header("Authorization", "Bearer " + apiKey));
    }

    private String prometheus(int instancePort) throws Exception {
        return send(HttpRequest.newBuilder(URI.create("http://localhost:" + instancePort + "/actuator/prometheus"))).body();
    }

    /** The key's remaining time to live, as Redis itself reports it (-2: no key, -1: no expiry). */
    private static long redisTtlMillis(TenantId tenant, long perMinute) {
        return redisCommand(connection -> connection.sync()
                .pttl(RedisTenantBuckets.KEY_PREFIX + TenantRateLimiter.bucketKey(tenant, perMinute)));
    }

    /** {@code CLIENT <arguments>}, which Lettuce's API offers only in part. */
    private static String client(StatefulRedisConnection<String, String> connection, String... arguments) {
        CommandArgs<String, String> args = new CommandArgs<>(StringCodec.UTF8);
        for (String argument : arguments) {
            args.add(argument);
        }
        return connection.sync().dispatch(CommandType.CLIENT, new StatusOutput<>(StringCodec.UTF8), args);
    }

    private static <T> T redisCommand(Function<StatefulRedisConnection<String, String>, T> command) {
        RedisURI uri = RedisURI.create(redis.uri());
        uri.setPassword(PASSWORD.toCharArray());
        RedisClient client = RedisClient.create(uri);
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            return command.apply(connection);
        } finally {
            client.shutdown();
        }
    }

    private static double fallbacks(ConfigurableApplicationContext instance) {
        return instance.getBean(MeterRegistry.class).get(RedisTenantBuckets.FALLBACK_METRIC).counter().count();
    }

    private static double available(ConfigurableApplicationContext instance) {
        return instance.getBean(MeterRegistry.class).get(RedisTenantBuckets.AVAILABLE_METRIC).gauge().value();
    }
}
