package com.meridian.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import com.meridian.schemas.topics.Topic;
import com.meridian.schemas.topics.Topics;

/**
 * The operations base of the deployable, against a real PostgreSQL and a real Kafka broker: probes that
 * include the database and Kafka, Prometheus metrics, API key authentication, and JSON logs that carry the
 * request id and the tenant.
 */
@ExtendWith(OutputCaptureExtension.class)
class PlatformOperationsIT extends ApiTestBase {

    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;

    @Test
    void readinessIncludesTheDatabaseAndKafka() throws Exception {
        HttpResponse<String> readiness = get("/actuator/health/readiness", null);

        assertThat(readiness.statusCode()).isEqualTo(200);
        assertThat(readiness.body()).contains("\"status\":\"UP\"", "\"db\"", "\"kafka\"", "\"brokers\":1");
        assertThat(get("/actuator/health/liveness", null).statusCode()).isEqualTo(200);
    }

    @Test
    void everyMeridianTopicExistsAfterStartUp() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            Set<String> existing = admin.listTopics().names().get(10, TimeUnit.SECONDS);

            assertThat(existing).containsAll(Topics.all().stream().map(Topic::name).toList());
        }
    }

    @Test
    void prometheusMetricsAreExposed() throws Exception {
        HttpResponse<String> metrics = get("/actuator/prometheus", null);

        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("jvm_memory_used_bytes", "hikaricp_connections_active", "application=\"meridian\"");
    }

    @Test
    void aValidKeyReachesItsOwnTenant() throws Exception {
        HttpResponse<String> tenant = get("/v1/tenant", demo.key().plaintext());

        assertThat(tenant.statusCode()).isEqualTo(200);
        assertThat(tenant.body()).contains("\"slug\":\"demo\"", "\"plan\":\"business\"", demo.tenant().toString());
    }

    @Test
    void missingOrWrongKeysAreRejectedWithAProblemDocument() throws Exception {
        String wrongSecret = demo.key().prefix() + ".AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";

        for (String key : new String[] {null, "garbage", wrongSecret}) {
            HttpResponse<String> response = get("/v1/tenant", key);
            assertThat(response.statusCode()).as("key %s", key).isEqualTo(401);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json;charset=UTF-8");
            assertThat(response.body()).contains("\"code\":\"UNAUTHENTICATED\"");
        }
    }

    @Test
    void logsAreJsonWithRequestIdAndTenant(CapturedOutput output) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/v1/tenant"))
                .header("Authorization", "Bearer " + demo.key().plaintext())
                .header("X-Request-Id", "req-logs-1")
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());

        assertThat(response.headers().firstValue("X-Request-Id")).hasValue("req-logs-1");
        assertThat(output.getOut()).containsPattern("\\{\"@timestamp\".*\"request_id\":\"req-logs-1\".*\\}");
        assertThat(output.getOut()).contains("\"tenant_id\":\"" + demo.tenant() + "\"");
    }
}
