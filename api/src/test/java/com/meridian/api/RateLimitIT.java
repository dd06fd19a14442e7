package com.meridian.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.meridian.api.security.Role;
import com.meridian.api.apikeys.ApiKeys;
import com.meridian.api.ratelimit.RateLimitConfiguration;
import com.meridian.api.tenants.Tenants;
import com.meridian.tenancy.TenantDatabase;
import com.meridian.tenancy.TenantId;

/**
 * Per-tenant rate limits are shared by every API instance: a second instance is started against the same
 * database, and requests spread over both draw from one bucket sized by the tenant's plan; a plan change reaches
 * the bucket within the plan cache's lifetime.
 */
class RateLimitIT extends ApiTestBase {

    private static final int FREE_PLAN_PER_MINUTE = 60;

    @Autowired
    Tenants tenants;

    @Autowired
    ApiKeys apiKeys;

    @Autowired
    Environment environment;

    @Autowired
    TenantDatabase database;

    @Autowired
    DataSource dataSource;

    @Autowired
    RateLimitConfiguration.ExpiredBucketsSweep expiredBucketsSweep;

    @Test
    void twoInstancesShareOneBucketPerTenant() throws Exception {
        TenantId tenant = tenants.onboard("rate-" + UUID.randomUUID().toString().substring(0, 8), "Rate Ltd", "o@rate.example", "free").tenant();
        String key = apiKeys.issue(tenant, "rate test", Role.VIEWER).plaintext();

        try (ConfigurableApplicationContext second = AnotherInstance.start(environment)) {
            int[] ports = {port, AnotherInstance.port(second)};
            for (int i = 0; i < FREE_PLAN_PER_MINUTE; i++) {
                HttpResponse<String> allowed = tenantOn(ports[i % 2], key);
                assertThat(allowed.statusCode()).as("request %d", i + 1).isEqualTo(200);
                assertThat(allowed.headers().firstValue("RateLimit-Remaining")).hasValue(Integer.toString(FREE_PLAN_PER_MINUTE - i - 1));
            }

            HttpResponse<String> refused = tenantOn(ports[1], key);

            assertThat(refused.statusCode()).isEqualTo(429);
            assertThat(body(refused).get("code").asString()).isEqualTo("RATE_LIMITED");
            assertThat(Integer.parseInt(refused.headers().firstValue("Retry-After").orElseThrow())).isBetween(1, 60);
            assertThat(refused.headers().firstValue("RateLimit-Limit")).hasValue("60");
            assertThat(tenantOn(ports[0], ownerKey()).statusCode()).as("another tenant is unaffected").isEqualTo(200);
        }
    }

    @Test
    void aPlanChangeTakesEffectWithinThePlanCacheTtl() throws Exception {
        TenantId tenant = tenants.onboard("plan-" + UUID.randomUUID().toString().substring(0, 8), "Plan Ltd", "o@plan.example", "free").tenant();
        String key = apiKeys.issue(tenant, "plan test", Role.VIEWER).plaintext();

        try (ConfigurableApplicationContext instance = AnotherInstance.start(environment,
                "--meridian.rate-limit.plan-cache-ttl=" + PlanChanges.PLAN_CACHE_TTL)) {
            int instancePort = AnotherInstance.port(instance);
            for (int i = 0; i < FREE_PLAN_PER_MINUTE; i++) {
                tenantOn(instancePort, key);
            }
            assertThat(tenantOn(instancePort, key).statusCode()).as("free plan exhausted").isEqualTo(429);

            PlanChanges.change(database, tenant, "starter");

            await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
                HttpResponse<String> upgraded = tenantOn(instancePort, key);
                assertThat(upgraded.statusCode()).isEqualTo(200);
                assertThat(upgraded.headers().firstValue("RateLimit-Limit")).hasValue(Integer.toString(PlanChanges.STARTER_PER_MINUTE));
            });
        }
    }

    @Test
    void aBucketIsSweptOnceItWouldBeFullAgain() throws Exception {
        TenantId tenant = tenants.onboard("sweep-" + UUID.randomUUID().toString().substring(0, 8), "Sweep Ltd", "o@sweep.example", "free").tenant();
        String key = apiKeys.issue(tenant, "sweep test", Role.VIEWER).plaintext();
        JdbcClient buckets = JdbcClient.create(dataSource);
        String bucketKey = "tenant:" + tenant + ":" + FREE_PLAN_PER_MINUTE;

        long before = System.currentTimeMillis();
        tenantOn(port, key);
        tenantOn(port, key);

        long expiresAt = buckets.sql("select expires_at from api_rate_limit_buckets where bucket_key = ?")
                .param(bucketKey).query(Long.class).single();
        // full again at most one refill period (a minute) from now, and the row is kept ten seconds more
        assertThat(expiresAt).isBetween(before + 10_000, System.currentTimeMillis() + 70_000 + 1_000);
        expiredBucketsSweep.sweep();
        assertThat(buckets.sql("select count(*) from api_rate_limit_buckets where bucket_key = ?").param(bucketKey)
                .query(Long.class).single()).as("not yet expired").isOne();

        buckets.sql("update api_rate_limit_buckets set expires_at = ? where bucket_key = ?")
                .param(System.currentTimeMillis() - 1).param(bucketKey).update();
        expiredBucketsSweep.sweep();

        assertThat(buckets.sql("select count(*) from api_rate_limit_buckets where bucket_key = ?").param(bucketKey)
                .query(Long.class).single()).isZero();
        HttpResponse<String> afterSweep = tenantOn(port, key);
        assertThat(afterSweep.statusCode()).isEqualTo(200);
        assertThat(afterSweep.headers().firstValue("RateLimit-Remaining")).as("a new, full bucket")
                .hasValue(Integer.toString(FREE_PLAN_PER_MINUTE - 1));
    }

    private HttpResponse<String> tenantOn(int instancePort, String key) throws Exception {
        return send(HttpRequest.newBuilder(URI.create("http://localhost:" + instancePort + "/v1/tenant"))
                .header("Authorization", "Bearer " + key));
    }
}
