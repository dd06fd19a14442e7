package com.meridian.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.meridian.api.security.Role;
import com.meridian.tenancy.TenantDatabase;

import tools.jackson.databind.JsonNode;

/**
 * Statement imports over HTTP: a raw upload is stored, imported asynchronously and followed through
 * {@code /v1/jobs/{id}}; its rejected rows are listed with their line and reason; bank CSV profiles are created
 * through the API and used by an upload.
 */
class StatementImportApiIT extends ApiTestBase {

    @Autowired
    TenantDatabase database;

    @Test
    void anUploadIsImportedAndItsProgressAndRejectsAreReadable() throws Exception {
        // given
        UUID account = newAccount();
        String csv = """
                date,amount,currency,description
                2026-11-02,-2.50,EUR,Coffee
                2026-11-02,not money,EUR,Broken
                2026-11-03,2500.00,EUR,Salary
                """;

        // when
        HttpResponse<String> accepted = upload("/v1/imports?accountId=" + account + "&filename=nov.csv", csv);

        // then
        assertThat(accepted.statusCode()).isEqualTo(202);
        String job = body(accepted).path("jobId").asString();
        assertThat(accepted.headers().firstValue("Location")).hasValue("/v1/jobs/" + job);
        JsonNode finished = awaitFinished(job);
        assertThat(finished.path("status").asString()).isEqualTo("completed");
        assertThat(finished.path("itemsWritten").asLong()).isEqualTo(2);
        assertThat(finished.path("itemsSkipped").asLong()).isEqualTo(1);
        assertThat(finished.path("percent").decimalValue()).isEqualByComparingTo("100");
        JsonNode errors = body(get("/v1/jobs/" + job + "/errors", ownerKey()));
        assertThat(errors).hasSize(1);
        assertThat(errors.get(0).path("origin").asString()).isEqualTo("nov.csv");
        assertThat(errors.get(0).path("entryRef").asString()).isEqualTo("line 3");
        assertThat(errors.get(0).path("reasonCode").asString()).isEqualTo("AMOUNT_INVALID");
        assertThat(send(request("/v1/jobs/" + job + "/restart", ownerKey()).POST(HttpRequest.BodyPublishers.noBody()))
                .statusCode()).as("a completed job has nothing to restart").isEqualTo(409);
        assertThat(get("/actuator/prometheus", null).body())
                .contains("meridian_job_items_total{", "job_type=\"statement_import\"", "outcome=\"skipped\"");
    }

    @Test
    void aProfileCreatedThroughTheApiReadsTheBanksLayout() throws Exception {
        // given
        UUID account = newAccount();
        String profile = """
                {"code": "bank-nl", "delimiter": ";", "skipRows": 0, "dateColumn": "Datum", "dateFormat": "yyyyMMdd",
                 "amountColumn": "Bedrag", "decimalComma": true, "defaultCurrency": "EUR",
                 "descriptionColumns": ["Omschrijving"]}""";

        // when
        HttpResponse<String> saved = put("/v1/csv-profiles/bank-nl", ownerKey(), profile);
        HttpResponse<String> accepted = upload("/v1/imports?accountId=" + account + "&csvProfile=bank-nl",
                "Datum;Omschrijving;Bedrag\n20261102;Albert Heijn;-12,34\n");

        // then
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
        JsonNode finished = awaitFinished(body(accepted).path("jobId").asString());
        assertThat(finished.path("status").asString()).isEqualTo("completed");
        assertThat(finished.path("itemsWritten").asLong()).isEqualTo(1);
    }

    @Test
    void anImportScheduleIsCreatedListedShowsItsFilesAndIsDeleted() throws Exception {
        // given
        UUID account = newAccount();
        String viewer = keyFor(demo.tenant(), Role.VIEWER);

        // when
        HttpResponse<String> created = post("/v1/import-schedules", ownerKey(), """
                {"name": "bank drops", "cron": "0 0 7 * * *", "timeZone": "Europe/Berlin", "directory": "bank/daily",
                 "accountId": "%s"}""".formatted(account));

        // then
        assertThat(created.statusCode()).isEqualTo(201);
        String schedule = body(created).path("scheduleId").asString();
        assertThat(body(created).path("directory").asString()).isEqualTo("bank/daily");
        assertThat(body(get("/v1/import-schedules", viewer)).toString()).contains(schedule);
        assertThat(body(get("/v1/import-schedules/" + schedule + "/files", viewer))).isEmpty();
        assertThat(post("/v1/import-schedules", viewer, "{}").statusCode()).isEqualTo(403);
        assertThat(post("/v1/import-schedules", ownerKey(), """
                {"name": "escape", "cron": "0 0 7 * * *", "directory": "../other-tenant"}""").statusCode()).isEqualTo(400);
        assertThat(post("/v1/import-schedules", ownerKey(), """
                {"name": "bad cron", "cron": "every day", "directory": "bank"}""").statusCode()).isEqualTo(400);
        assertThat(delete("/v1/import-schedules/" + schedule, ownerKey()).statusCode()).isEqualTo(204);
        assertThat(get("/v1/import-schedules/" + schedule + "/files", viewer).statusCode()).isEqualTo(404);
    }

    @Test
    void unknownJobsAccountsAndProfilesAreRefused() throws Exception {
        assertThat(get("/v1/jobs/" + UUID.randomUUID(), ownerKey()).statusCode()).isEqualTo(404);
        assertThat(upload("/v1/imports?accountId=" + UUID.randomUUID(), "x").statusCode()).isEqualTo(400);
        assertThat(upload("/v1/imports?csvProfile=nope", "x").statusCode()).isEqualTo(400);
        assertThat(get("/v1/jobs/" + UUID.randomUUID(), null).statusCode()).isEqualTo(401);
    }

    private HttpResponse<String> upload(String path, String content) throws Exception {
        return send(request(path, ownerKey()).header("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.ofString(content)));
    }

    private JsonNode awaitFinished(String job) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(() -> {
            String status = body(get("/v1/jobs/" + job, ownerKey())).path("status").asString();
            return status.equals("completed") || status.equals("failed");
        });
        try {
            return body(get("/v1/jobs/" + job, ownerKey()));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private UUID newAccount() {
        return database.inTenant(demo.tenant(), sql -> sql.sql("""
                insert into bank_accounts (tenant_id, name, currency) values (?, 'Imports', 'EUR') returning account_id""")
                .param(demo.tenant().value()).query(UUID.class).single());
    }
}
