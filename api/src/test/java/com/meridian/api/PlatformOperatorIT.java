package com.meridian.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/**
 * People sign in through any OIDC provider (here: tokens signed by a key the test holds) and platform
 * operators onboard, suspend and reactivate tenants; a suspended tenant keeps its data and can read it,
 * but its writes are refused with a clear reason until it is reactivated.
 */
class PlatformOperatorIT extends ApiTestBase {

    private final String operator = TestTokens.token("ops-alice", Map.of("meridian_role", List.of("platform_operator")));

    @Test
    void onboardingIsOneIdempotentCall() throws Exception {
        String slug = "acme-" + UUID.randomUUID().toString().substring(0, 8);
        String request = "{\"slug\":\"" + slug + "\",\"name\":\"Acme\",\"ownerEmail\":\"boss@acme.example\",\"plan\":\"starter\"}";

        HttpResponse<String> first = post("/v1/platform/tenants", operator, request);
        HttpResponse<String> again = post("/v1/platform/tenants", operator, request);

        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(body(again).get("tenantId")).isEqualTo(body(first).get("tenantId"));
        assertThat(body(again).get("ownerApiKey").isNull()).as("a key is shown once").isTrue();
        HttpResponse<String> profile = get("/v1/tenant", body(first).get("ownerApiKey").asString());
        assertThat(body(profile).get("slug").asString()).isEqualTo(slug);
        assertThat(body(profile).get("plan").asString()).isEqualTo("starter");
    }

    @Test
    void aSuspendedTenantCanReadButNotWriteUntilReactivated() throws Exception {
        JsonNode tenant = body(post("/v1/platform/tenants", operator, "{\"slug\":\"susp-" + UUID.randomUUID().toString().substring(0, 8)
                + "\",\"name\":\"Late Payer\",\"ownerEmail\":\"o@late.example\"}"));
        String key = tenant.get("ownerApiKey").asString();
        String id = tenant.get("tenantId").asString();

        HttpResponse<String> suspended = post("/v1/platform/tenants/" + id + "/suspension", operator, "{\"reason\":\"invoice 42 unpaid\"}");
        HttpResponse<String> write = post("/v1/api-keys", key, "{\"name\":\"feed\",\"role\":\"INTEGRATION\"}");

        assertThat(body(suspended).get("status").asString()).isEqualTo("suspended");
        assertThat(write.statusCode()).isEqualTo(403);
        assertThat(body(write).get("code").asString()).isEqualTo("TENANT_SUSPENDED");
        assertThat(body(write).get("detail").asString()).contains("invoice 42 unpaid", "data is kept");
        assertThat(get("/v1/tenant", key).statusCode()).as("reads stay open").isEqualTo(200);

        delete("/v1/platform/tenants/" + id + "/suspension", operator);

        assertThat(post("/v1/api-keys", key, "{\"name\":\"feed\",\"role\":\"INTEGRATION\"}").statusCode()).isEqualTo(201);
        assertThat(body(get("/v1/audit", key)).toString()).contains("tenant.suspended", "tenant.reactivated", "platform_operator", "ops-alice");
    }

    @Test
    void peopleSignInWithTokensCarryingTenantAndRole() throws Exception {
        String analyst = TestTokens.token("bob", Map.of("meridian_tenant", demo.tenant().toString(), "meridian_role", "analyst"));

        assertThat(get("/v1/tenant", analyst).statusCode()).isEqualTo(200);
        assertThat(get("/v1/api-keys", analyst).statusCode()).as("analysts do not manage keys").isEqualTo(403);
    }

    @Test
    void badTokensAreRejected() throws Exception {
        Map<String, Object> owner = Map.of("meridian_tenant", demo.tenant().toString(), "meridian_role", "owner");

        assertThat(get("/v1/tenant", TestTokens.expiredToken("eve", owner)).statusCode()).isEqualTo(401);
        assertThat(get("/v1/tenant", TestTokens.tokenSignedByAnotherKey("eve", owner)).statusCode()).isEqualTo(401);
        assertThat(get("/v1/tenant", TestTokens.token("eve", Map.of("meridian_role", "owner"))).statusCode())
                .as("no tenant claim").isEqualTo(401);
        assertThat(get("/v1/tenant", TestTokens.token("eve", Map.of("meridian_tenant", demo.tenant().toString(),
                "meridian_role", "integration"))).statusCode()).as("machines use keys").isEqualTo(401);
    }

    @Test
    void onlyPlatformOperatorsReachThePlatformApiAndTheyReachNoTenantData() throws Exception {
        assertThat(post("/v1/platform/tenants", ownerKey(), "{}").statusCode()).isEqualTo(403);
        assertThat(get("/v1/tenant", operator).statusCode()).isEqualTo(403);
    }
}
