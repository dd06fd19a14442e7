package com.meridian.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import com.meridian.api.apikeys.ApiKeys;
import com.meridian.api.security.Role;

/**
 * Every {@code /v1} endpoint times every role, against the expected matrix below. The endpoints are read from
 * the application's own mappings, so a new endpoint without a line here fails this test until someone decides
 * who may call it. "Allowed" means the request got past authorization (any status but 401 and 403); "denied"
 * means 403.
 */
class PermissionMatrixIT extends ApiTestBase {

    private static final Set<Role> TENANT_ROLES = EnumSet.of(Role.OWNER, Role.ADMIN, Role.ANALYST, Role.VIEWER, Role.INTEGRATION);
    private static final Set<Role> READERS = EnumSet.of(Role.OWNER, Role.ADMIN, Role.ANALYST, Role.VIEWER);
    private static final Set<Role> MANAGERS = EnumSet.of(Role.OWNER, Role.ADMIN);
    private static final Set<Role> OPERATOR = EnumSet.of(Role.PLATFORM_OPERATOR);

    /** Who may call what: "METHOD /path-pattern" -> the roles allowed. */
    static final Map<String, Set<Role>> EXPECTED = new TreeMap<>(Map.ofEntries(
            Map.entry("GET /v1/tenant", TENANT_ROLES),
            Map.entry("GET /v1/tenant/correction-sharing", MANAGERS),
            Map.entry("PUT /v1/tenant/correction-sharing", MANAGERS),
            Map.entry("GET /v1/api-keys", MANAGERS),
            Map.entry("POST /v1/api-keys", MANAGERS),
            Map.entry("POST /v1/api-keys/{keyId}/rotation", MANAGERS),
            Map.entry("DELETE /v1/api-keys/{keyId}", MANAGERS),
            Map.entry("GET /v1/audit", MANAGERS),
            Map.entry("GET /v1/audit/verification", MANAGERS),
            Map.entry("GET /v1/accounts", READERS),
            Map.entry("GET /v1/accounts/{accountId}", READERS),
            Map.entry("POST /v1/accounts", MANAGERS),
            Map.entry("POST /v1/feeds/{format}/transactions", EnumSet.of(Role.OWNER, Role.ADMIN, Role.INTEGRATION)),
            Map.entry("GET /v1/categories", READERS),
            Map.entry("POST /v1/categories", MANAGERS),
            Map.entry("GET /v1/rules", READERS),
            Map.entry("POST /v1/rules", MANAGERS),
            Map.entry("DELETE /v1/rules/{ruleId}", MANAGERS),
            Map.entry("POST /v1/transactions/{transactionId}/correction", EnumSet.of(Role.OWNER, Role.ADMIN, Role.ANALYST)),
            Map.entry("GET /v1/usage", READERS),
            Map.entry("GET /v1/transactions", READERS),
            Map.entry("GET /v1/transactions/{transactionId}", READERS),
            Map.entry("POST /v1/exports", EnumSet.of(Role.OWNER, Role.ADMIN, Role.ANALYST)),
            Map.entry("GET /v1/exports", READERS),
            Map.entry("GET /v1/exports/{exportId}", READERS),
            Map.entry("GET /v1/exports/{exportId}/files/{*path}", READERS),
            Map.entry("DELETE /v1/exports/{exportId}", EnumSet.of(Role.OWNER, Role.ADMIN, Role.ANALYST)),
            Map.entry("POST /v1/export-schedules", MANAGERS),
            Map.entry("GET /v1/export-schedules", READERS),
            Map.entry("DELETE /v1/export-schedules/{scheduleId}", MANAGERS),
            Map.entry("POST /v1/imports", EnumSet.of(Role.OWNER, Role.ADMIN, Role.ANALYST)),
            Map.entry("POST /v1/import-schedules", MANAGERS),
            Map.entry("GET /v1/import-schedules", READERS),
            Map.entry("GET /v1/import-schedules/{importScheduleId}/files", READERS),
            Map.entry("DELETE /v1/import-schedules/{importScheduleId}", MANAGERS),
            Map.entry("GET /v1/csv-profiles", EnumSet.of(Role.OWNER, Role.ADMIN, Role.ANALYST)),
            Map.entry("GET /v1/csv-profiles/{code}", EnumSet.of(Role.OWNER, Role.ADMIN, Role.ANALYST)),
            Map.entry("PUT /v1/csv-profiles/{code}", MANAGERS),
            Map.entry("GET /v1/jobs/{id}", TENANT_ROLES),
            Map.entry("GET /v1/jobs/{id}/errors", TENANT_ROLES),
            Map.entry("POST /v1/jobs/{id}/restart", MANAGERS),
            Map.entry("POST /v1/invitations", MANAGERS),
            Map.entry("GET /v1/invitations", MANAGERS),
            Map.entry("DELETE /v1/invitations/{invitationId}", MANAGERS),
            // a person's own sign-in (an OIDC token with or without Meridian claims), never a key or an operator: InvitationsIT
            Map.entry("POST /v1/invitation-acceptances", Set.of()),
            Map.entry("POST /v1/platform/tenants", OPERATOR),
            Map.entry("GET /v1/platform/tenants/{tenantId}", OPERATOR),
            Map.entry("POST /v1/platform/tenants/{tenantId}/suspension", OPERATOR),
            Map.entry("DELETE /v1/platform/tenants/{tenantId}/suspension", OPERATOR)));

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Autowired
    ApiKeys apiKeys;

    @Test
    void everyEndpointHasAnExpectedRow() {
        assertThat(endpoints()).as("endpoints without a row in EXPECTED (or rows for endpoints that are gone)")
                .isEqualTo(new TreeSet<>(EXPECTED.keySet()));
    }

    @Test
    void everyRoleGetsExactlyWhatTheMatrixSays() throws Exception {
        Map<Role, String> credentials = credentials();
        List<String> mismatches = new ArrayList<>();
        for (String endpoint : endpoints()) {
            for (Role role : Role.values()) {
                boolean expected = EXPECTED.getOrDefault(endpoint, Set.of()).contains(role);
                int status = call(endpoint, credentials.get(role));
                boolean allowed = status != 401 && status != 403;
                if (allowed != expected) {
                    mismatches.add(endpoint + " as " + role + ": expected " + (expected ? "allowed" : "denied") + ", got " + status);
                }
            }
        }
        assertThat(mismatches).isEmpty();
    }

    private Set<String> endpoints() {
        Set<String> endpoints = new TreeSet<>();
        mappings.getHandlerMethods().keySet().forEach(info -> info.getPatternValues().stream()
                .filter(path -> path.startsWith("/v1/"))
                .forEach(path -> info.getMethodsCondition().getMethods()
                        .forEach(method -> endpoints.add(method.name() + " " + path))));
        return endpoints;
    }

    private Map<Role, String> credentials() {
        Map<Role, String> credentials = new EnumMap<>(Role.class);
        for (Role role : TENANT_ROLES) {
            credentials.put(role, apiKeys.issue(demo.tenant(), "matrix " + role, role).plaintext());
        }
        credentials.put(Role.PLATFORM_OPERATOR, TestTokens.token("ops-matrix", Map.of("meridian_role", "platform_operator")));
        return credentials;
    }

    private int call(String endpoint, String credential) throws Exception {
        String method = endpoint.substring(0, endpoint.indexOf(' '));
        // placeholders get ids that exist nowhere: an allowed call then answers 404, a denied one 403
        String path = endpoint.substring(endpoint.indexOf(' ') + 1).replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
        HttpRequest.BodyPublisher body = method.equals("GET") || method.equals("DELETE")
                ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString("{}");
        HttpResponse<String> response = send(request(path, credential).header("Content-Type", "application/json")
                .method(method, body));
        return response.statusCode();
    }
}
