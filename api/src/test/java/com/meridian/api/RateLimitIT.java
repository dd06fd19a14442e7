package com.meridian.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
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

        try (ConfigurableApplicationContext second = secondInstance()) {
            int[] ports = {port, Integer.parseInt(second.getEnvironment().getProperty("local.server.port"))};
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

    /** Another instance of the application, as a deployment would run it: same database, same broker. */
    private ConfigurableApplicationContext secondInstance() {
        List<String> arguments = new ArrayList<>();
        for (String name : new String[] {"spring.datasource.url", "spring.datasource.username", "spring.datasource.password",
                "spring.flyway.url", "spring.flyway.user", "spring.flyway.password", "spring.kafka.bootstrap-servers",
                "spring.kafka.streams.state-dir"}) {
            arguments.add("--" + name + "=" + environment.getProperty(name));
        }
        arguments.addAll(List.of("--server.port=0", "--meridian.demo.enabled=false", "--meridian.ingest.streams.enabled=false"));
        return new SpringApplicationBuilder(MeridianApplication.class).profiles("test").run(arguments.toArray(String[]::new));
    }
}
