package com.meridian.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/**
 * API keys over HTTP against the real database: a key is shown once, listed without its secret, rotated
 * with a grace period, revoked at once; every change lands in the hash-chained audit log; errors are
 * problem documents with stable codes.
 */
class ApiKeyLifecycleIT extends ApiTestBase {

    @Test
    void createdKeysWorkAndAreListedWithoutTheirSecret() throws Exception {
        JsonNode created = body(post("/v1/api-keys", ownerKey(), "{\"name\":\"ci robot\",\"role\":\"ANALYST\"}"));
        String key = created.get("key").asString();

        assertThat(get("/v1/tenant", key).statusCode()).isEqualTo(200);
        HttpResponse<String> listed = get("/v1/api-keys", ownerKey());
        assertThat(listed.body()).contains(created.get("prefix").asString(), "ci robot").doesNotContain(key);
    }

    @Test
    void rotationKeepsTheOldKeyForTheGracePeriodAndRevocationIsImmediate() throws Exception {
        JsonNode original = body(post("/v1/api-keys", ownerKey(), "{\"name\":\"feed\",\"role\":\"INTEGRATION\"}"));
        String oldKey = original.get("key").asString();

        HttpResponse<String> rotated = post("/v1/api-keys/" + original.get("keyId").asString() + "/rotation", ownerKey(), "");
        String newKey = body(rotated).get("key").asString();

        assertThat(rotated.statusCode()).isEqualTo(201);
        assertThat(get("/v1/tenant", oldKey).statusCode()).as("old key within grace").isEqualTo(200);
        assertThat(get("/v1/tenant", newKey).statusCode()).isEqualTo(200);

        assertThat(delete("/v1/api-keys/" + original.get("keyId").asString(), ownerKey()).statusCode()).isEqualTo(204);
        assertThat(get("/v1/tenant", oldKey).statusCode()).as("revoked").isEqualTo(401);
        assertThat(get("/v1/tenant", newKey).statusCode()).isEqualTo(200);
    }

    @Test
    void keysCannotManageKeysBeyondTheirRole() throws Exception {
        String viewer = body(post("/v1/api-keys", ownerKey(), "{\"name\":\"viewer\",\"role\":\"VIEWER\"}")).get("key").asString();
        String admin = body(post("/v1/api-keys", ownerKey(), "{\"name\":\"admin\",\"role\":\"ADMIN\"}")).get("key").asString();

        HttpResponse<String> byViewer = get("/v1/api-keys", viewer);
        HttpResponse<String> ownerByAdmin = post("/v1/api-keys", admin, "{\"name\":\"x\",\"role\":\"OWNER\"}");

        assertThat(byViewer.statusCode()).isEqualTo(403);
        assertThat(body(byViewer).get("code").asString()).isEqualTo("FORBIDDEN");
        assertThat(ownerByAdmin.statusCode()).isEqualTo(403);
    }

    @Test
    void invalidRequestsGetFieldLevelProblems() throws Exception {
        HttpResponse<String> missingName = post("/v1/api-keys", ownerKey(), "{\"role\":\"VIEWER\"}");
        HttpResponse<String> unknownRole = post("/v1/api-keys", ownerKey(), "{\"name\":\"x\",\"role\":\"ROOT\"}");
        HttpResponse<String> unknownField = post("/v1/api-keys", ownerKey(), "{\"name\":\"x\",\"role\":\"VIEWER\",\"tenantId\":\"x\"}");
        HttpResponse<String> unknownKey = delete("/v1/api-keys/00000000-0000-4000-8000-000000000000", ownerKey());

        assertThat(missingName.statusCode()).isEqualTo(400);
        assertThat(body(missingName).get("code").asString()).isEqualTo("VALIDATION_FAILED");
        assertThat(body(missingName).get("errors").get(0).get("field").asString()).isEqualTo("name");
        assertThat(body(unknownRole).get("code").asString()).isEqualTo("MALFORMED_REQUEST");
        assertThat(unknownField.statusCode()).as("unknown fields are rejected").isEqualTo(400);
        assertThat(unknownKey.statusCode()).isEqualTo(404);
        assertThat(unknownKey.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    }

    @Test
    void keyChangesAreAuditedInAnIntactChain() throws Exception {
        String keyId = body(post("/v1/api-keys", ownerKey(), "{\"name\":\"audited\",\"role\":\"VIEWER\"}")).get("keyId").asString();
        delete("/v1/api-keys/" + keyId, ownerKey());

        JsonNode entries = body(get("/v1/audit", ownerKey()));
        JsonNode verification = body(get("/v1/audit/verification", ownerKey()));

        assertThat(entries.toString()).contains("\"action\":\"api_key.revoked\"", "\"targetId\":\"" + keyId + "\"",
                "\"sourceAddress\":\"127.0.0.1\"");
        assertThat(entries.get(0).get("requestId").asString()).isNotBlank();
        assertThat(verification.get("intact").asBoolean()).isTrue();
        assertThat(verification.get("entries").asLong()).isGreaterThanOrEqualTo(3);
    }

    @Test
    void oversizedJsonBodiesAreRefusedBeforeTheyAreRead() throws Exception {
        String huge = "{\"name\":\"" + "x".repeat(6 * 1024 * 1024) + "\",\"role\":\"VIEWER\"}";

        HttpResponse<String> refused = post("/v1/api-keys", ownerKey(), huge);

        assertThat(refused.statusCode()).isEqualTo(413);
        assertThat(body(refused).get("code").asString()).isEqualTo("PAYLOAD_TOO_LARGE");
    }

    @Test
    void responsesCarrySecurityHeaders() throws Exception {
        HttpResponse<String> response = get("/v1/tenant", ownerKey());

        assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(response.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(response.headers().firstValue("Content-Security-Policy")).hasValue("default-src 'none'; frame-ancestors 'none'");
        assertThat(response.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
    }
}
