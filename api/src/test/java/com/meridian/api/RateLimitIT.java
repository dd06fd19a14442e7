package com.meridian.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;

import com.meridian.api.security.Role;
import com.meridian.api.apikeys.ApiKeys;
import com.meridian.api.tenants.Tenants;
import com.meridian.tenancy.TenantId;

/**
 * Per-tenant rate limits are shared by every API instance: a second instance is started against the same
 * database, and requests spread over both draw from one bucket sized by the tenant's plan.
 */
class RateLimitIT extends ApiTestBase {

    private static final int FREE_PLAN_PER_MINUTE = 60;

    @Autowired
    Tenants tenants;

    @Autowired
    ApiKeys apiKeys;

    @Autowired
    Environment environment;

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

    private HttpResponse<String> tenantOn(int instancePort, String key) throws Exception {
        return send(HttpRequest.newBuilder(URI.create("http://localhost:" + instancePort + "/v1/tenant"))
                .header("Authorization", "Bearer " + key));
    }
}
