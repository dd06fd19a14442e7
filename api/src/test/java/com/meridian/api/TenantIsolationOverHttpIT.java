package com.meridian.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import com.meridian.api.security.Role;
import com.meridian.tenancy.TenantDatabase;
import com.meridian.tenancy.TenantId;

import tools.jackson.databind.JsonNode;

/**
 * Tenant B's owner calls every {@code /v1} endpoint that names a resource, on tenant A's resources, and gets 404
 * (never 403, which would confirm the resource exists); the endpoints are read from the application's mappings,
 * so a new one with an unknown placeholder fails here until it is given a resource of A. It also tries the usual
 * tricks: A's ids in B's filters, A's cursor, and A's account in B's request body.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TenantIsolationOverHttpIT extends ApiTestBase {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\*?([^}]+)}");
    /** Placeholders that are not a tenant's resources: a feed format. */
    private static final Set<String> NOT_RESOURCES = Set.of("format");
    /** B may write its own resource of that name: a CSV profile code is B's own namespace. */
    private static final Set<String> UPSERTS = Set.of("PUT /v1/csv-profiles/{code}");

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Autowired
    TenantDatabase database;

    private String ownerA;
    private String ownerB;
    private final Map<String, String> resourcesOfA = new java.util.HashMap<>();

    @BeforeAll
    void tenantAWithOneOfEverything() throws Exception {
        TenantId a = newTenant("iso-a");
        ownerA = keyFor(a, Role.OWNER);
        ownerB = keyFor(newTenant("iso-b"), Role.OWNER);

        String account = body(post("/v1/accounts", ownerA, "{\"name\":\"Main\",\"currency\":\"EUR\"}")).get("accountId").asString();
        UUID transaction = UUID.randomUUID();
        database.inTenantRun(a, db -> db.sql("""
                        insert into transactions (tenant_id, transaction_id, account_id, source, source_transaction_id, fingerprint,
                                                  booking_date, amount, currency, description)
                        values (?, ?, ?, 'api', 'iso-1', 'iso-1', ?, -9.99, 'EUR', 'isolation probe')""")
                .params(a.value(), transaction, UUID.fromString(account), LocalDate.of(2026, 3, 1)).update());
        database.inTenantRun(a, db -> db.sql("""
                        insert into transactions (tenant_id, account_id, source, source_transaction_id, fingerprint,
                                                  booking_date, amount, currency, description)
                        values (?, ?, 'api', 'iso-2', 'iso-2', ?, -1.00, 'EUR', 'second probe')""")
                .params(a.value(), UUID.fromString(account), LocalDate.of(2026, 2, 1)).update());
        String export = body(post("/v1/exports", ownerA, "{\"format\":\"CSV\",\"from\":\"2026-01-01\",\"to\":\"2026-12-31\"}"))
                .get("export").get("exportId").asString();
        awaitExport(export);

        resourcesOfA.put("accountId", account);
        resourcesOfA.put("transactionId", transaction.toString());
        resourcesOfA.put("keyId", body(post("/v1/api-keys", ownerA, "{\"name\":\"k\",\"role\":\"VIEWER\"}")).get("keyId").asString());
        resourcesOfA.put("invitationId", body(post("/v1/invitations", ownerA, "{\"email\":\"x@a.example\",\"role\":\"VIEWER\"}"))
                .get("invitationId").asString());
        resourcesOfA.put("ruleId", body(post("/v1/rules", ownerA, "{\"direction\":\"in\",\"categoryCode\":\"INCOME_WAGES\"}"))
                .get("ruleId").asString());
        resourcesOfA.put("exportId", export);
        resourcesOfA.put("path", "manifest.json");
        resourcesOfA.put("id", database.inTenant(a, db -> db.sql("select job_run_id from exports where export_id = ?")
                .param(UUID.fromString(export)).query(UUID.class).single()).toString());
        resourcesOfA.put("scheduleId", body(post("/v1/export-schedules", ownerA, """
                {"name": "nightly", "cron": "0 0 2 * * *", "timeZone": "UTC", "windowDays": 7, "keepLast": 1,
                 "export": {"format": "CSV"}}""")).get("scheduleId").asString());
        resourcesOfA.put("importScheduleId", body(post("/v1/import-schedules", ownerA, """
                {"name": "drops", "cron": "0 0 7 * * *", "timeZone": "UTC", "directory": "statements",
                 "accountId": "%s"}""".formatted(account))).get("scheduleId").asString());
        assertThat(put("/v1/csv-profiles/iso-profile", ownerA, """
                {"code": "iso-profile", "delimiter": ";", "skipRows": 0, "dateColumn": "Datum", "dateFormat": "yyyyMMdd",
                 "amountColumn": "Bedrag", "decimalComma": true, "defaultCurrency": "EUR", "descriptionColumns": ["Omschrijving"]}""")
                .statusCode()).isEqualTo(200);
        resourcesOfA.put("code", "iso-profile");
    }

    @Test
    void everyResourceEndpointAnswersAnotherTenant404() throws Exception {
        List<String> endpoints = resourceEndpoints();
        assertThat(endpoints).as("resource endpoints found").hasSizeGreaterThanOrEqualTo(15)
                .contains("GET /v1/transactions/{transactionId}", "GET /v1/exports/{exportId}/files/{*path}", "GET /v1/jobs/{id}");
        List<String> leaks = new ArrayList<>();
        for (String endpoint : endpoints) {
            String method = endpoint.substring(0, endpoint.indexOf(' '));
            String path = concrete(endpoint.substring(endpoint.indexOf(' ') + 1));
            int asB = call(method, path, ownerB);
            if (asB != 404) {
                leaks.add(endpoint + " as tenant B: " + asB);
            }
            if (method.equals("GET") && call(method, path, ownerA) != 200) {
                leaks.add(endpoint + " as tenant A (control): " + call(method, path, ownerA));
            }
        }
        assertThat(leaks).isEmpty();
    }

    @Test
    void idsOfAnotherTenantInFiltersCursorsAndBodiesFindNothing() throws Exception {
        JsonNode pageOfA = body(get("/v1/transactions?limit=1", ownerA));
        String cursorOfA = pageOfA.get("nextCursor").asString();

        assertThat(body(get("/v1/transactions?accountId=" + resourcesOfA.get("accountId"), ownerB)).get("items")).isEmpty();
        assertThat(body(get("/v1/transactions?cursor=" + cursorOfA, ownerB)).get("items")).isEmpty();
        assertThat(body(get("/v1/exports", ownerB)).toString()).doesNotContain(resourcesOfA.get("exportId"));
        assertThat(post("/v1/imports?accountId=" + resourcesOfA.get("accountId") + "&filename=x.csv", ownerB, "a,b\n").statusCode())
                .as("import into another tenant's account").isIn(400, 404);
        JsonNode exportOfB = body(post("/v1/exports", ownerB, "{\"format\":\"CSV\",\"from\":\"2026-01-01\",\"to\":\"2026-12-31\","
                + "\"accountIds\":[\"" + resourcesOfA.get("accountId") + "\"]}"));
        String exportId = exportOfB.get("export").get("exportId").asString();
        awaitExportOf(exportId, ownerB);
        assertThat(body(get("/v1/exports/" + exportId, ownerB)).get("export").get("rowsWritten").asLong())
                .as("an export of B naming A's account").isZero();
    }

    private List<String> resourceEndpoints() {
        List<String> endpoints = new ArrayList<>();
        mappings.getHandlerMethods().keySet().forEach(info -> info.getPatternValues().stream()
                .filter(path -> path.startsWith("/v1/") && !path.startsWith("/v1/platform/") && PLACEHOLDER.matcher(path).find())
                .forEach(path -> info.getMethodsCondition().getMethods().forEach(method -> {
                    String endpoint = method.name() + " " + path;
                    if (!UPSERTS.contains(endpoint) && placeholders(path).stream().noneMatch(NOT_RESOURCES::contains)) {
                        endpoints.add(endpoint);
                    }
                })));
        // reads first: the writes revoke, delete and restart A's resources
        endpoints.sort((x, y) -> Boolean.compare(!x.startsWith("GET"), !y.startsWith("GET")));
        return endpoints;
    }

    private String concrete(String path) {
        Matcher placeholder = PLACEHOLDER.matcher(path);
        StringBuilder result = new StringBuilder();
        while (placeholder.find()) {
            String name = placeholder.group(1);
            assertThat(resourcesOfA).as("a resource of tenant A for {%s}", name).containsKey(name);
            placeholder.appendReplacement(result, Matcher.quoteReplacement(resourcesOfA.get(name)));
        }
        return placeholder.appendTail(result).toString();
    }

    private static List<String> placeholders(String path) {
        List<String> names = new ArrayList<>();
        Matcher placeholder = PLACEHOLDER.matcher(path);
        while (placeholder.find()) {
            names.add(placeholder.group(1));
        }
        return names;
    }

    private int call(String method, String path, String key) throws Exception {
        String body = switch (path.substring(path.lastIndexOf('/') + 1)) {
            case "correction" -> "{\"categoryCode\":\"INCOME_WAGES\"}";
            default -> "{}";
        };
        HttpRequest.BodyPublisher publisher = method.equals("GET") || method.equals("DELETE")
                ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body);
        return send(request(path, key).header("Content-Type", "application/json").method(method, publisher)).statusCode();
    }

    private void awaitExport(String id) throws Exception {
        awaitExportOf(id, ownerA);
    }

    private void awaitExportOf(String id, String key) throws Exception {
        Instant giveUp = Instant.now().plus(Duration.ofSeconds(60));
        String state = "queued";
        while (Instant.now().isBefore(giveUp) && (state.equals("queued") || state.equals("running"))) {
            state = body(get("/v1/exports/" + id, key)).get("export").get("status").asString();
            Thread.sleep(50);
        }
        assertThat(state).isEqualTo("completed");
    }
}
