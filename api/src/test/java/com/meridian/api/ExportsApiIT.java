package com.meridian.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;

import com.meridian.api.security.Role;
import com.meridian.exports.ExportRetentionSweeper;
import com.meridian.exports.ExportSchedules;
import com.meridian.tenancy.TenantDatabase;
import com.meridian.tenancy.TenantId;

import tools.jackson.databind.JsonNode;

/**
 * Exports through the API: start, follow, list, download whole and by range (audited), delete; schedules run
 * by the scheduler with their retention; and another tenant never reaching any of it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExportsApiIT extends ApiTestBase {

    private static final int ROWS = 40;

    @Autowired
    TenantDatabase database;

    @Autowired
    ExportSchedules schedules;

    @Autowired
    ExportRetentionSweeper sweeper;

    private TenantId tenantA;
    private String analystA;
    private String ownerA;
    private String analystB;

    @BeforeAll
    void twoTenantsOneWithTransactions() {
        tenantA = newTenant("exp-a");
        analystA = keyFor(tenantA, Role.ANALYST);
        ownerA = keyFor(tenantA, Role.OWNER);
        analystB = keyFor(newTenant("exp-b"), Role.ANALYST);
        UUID account = UUID.randomUUID();
        database.inTenantRun(tenantA, db -> {
            db.sql("insert into bank_accounts (tenant_id, account_id, name, currency) values (?, ?, 'Main', 'EUR')")
                    .params(tenantA.value(), account).update();
            for (int i = 0; i < ROWS; i++) {
                db.sql("""
                        insert into transactions (tenant_id, account_id, source, source_transaction_id, fingerprint, booking_date,
                                                  amount, currency, description)
                        values (?, ?, 'api', ?, ?, ?, ?, 'EUR', ?)""")
                        .params(tenantA.value(), account, "tx-" + i, "fp-" + i, LocalDate.of(2026, 1, 1).plusDays(i * 2),
                                new BigDecimal("-1.05").multiply(BigDecimal.valueOf(i + 1)), "Kaffee für alle " + i)
                        .update();
            }
        });
    }

    @Test
    void anAnalystExportsFollowsDownloadsByRangeAndDeletes() throws Exception {
        // when
        HttpResponse<String> started = post("/v1/exports", analystA, """
                {"format": "CSV", "from": "2026-01-01", "to": "2026-12-31", "columns": ["BOOKING_DATE", "AMOUNT", "DESCRIPTION"]}""");

        // then
        assertThat(started.statusCode()).isEqualTo(202);
        String id = body(started).get("export").get("exportId").asString();
        assertThat(started.headers().firstValue("Location")).hasValue("/v1/exports/" + id);
        JsonNode done = awaitCompleted(id, analystA);
        assertThat(done.get("export").get("rowsWritten").asLong()).isEqualTo(ROWS);
        assertThat(done.get("progress").get("itemsWritten").asLong()).isEqualTo(ROWS);
        assertThat(done.get("progress").get("status").asString()).isEqualTo("completed");
        assertThat(body(get("/v1/exports", analystA)).findValuesAsString("exportId")).contains(id);

        JsonNode manifest = body(get("/v1/exports/" + id + "/files/manifest.json", analystA));
        assertThat(manifest.get("totals").get(0).get("amount").decimalValue())
                .isEqualByComparingTo(new BigDecimal("-1.05").multiply(BigDecimal.valueOf((long) ROWS * (ROWS + 1) / 2)));
        String file = manifest.get("files").get(0).get("path").asString();
        HttpResponse<String> whole = get("/v1/exports/" + id + "/files/" + file, analystA);
        assertThat(whole.statusCode()).isEqualTo(200);
        assertThat(whole.body()).startsWith("booking_date,amount,currency,description\r\n2026-01-01,-1.05,EUR,Kaffee für alle 0\r\n");
        HttpResponse<String> range = send(request("/v1/exports/" + id + "/files/" + file, analystA).header("Range", "bytes=0-11").GET());
        assertThat(range.statusCode()).isEqualTo(206);
        assertThat(range.body()).isEqualTo("booking_date");
        assertThat(range.headers().firstValue("Content-Range")).hasValueSatisfying(value -> assertThat(value).startsWith("bytes 0-11/"));
        assertThat(auditedDownloads(id)).isEqualTo(3);

        // when
        assertThat(delete("/v1/exports/" + id, analystA).statusCode()).isEqualTo(204);

        // then
        assertThat(get("/v1/exports/" + id + "/files/" + file, analystA).statusCode()).isEqualTo(404);
        assertThat(body(get("/v1/exports", analystA)).findValuesAsString("exportId")).doesNotContain(id);
    }

    @Test
    void anExpiredExportIsSweptAndItsFilesAnswer404() throws Exception {
        // given
        String id = body(post("/v1/exports", analystA, """
                {"format": "CSV", "from": "2026-01-01", "to": "2026-12-31"}""")).get("export").get("exportId").asString();
        awaitCompleted(id, analystA);
        String file = body(get("/v1/exports/" + id + "/files/manifest.json", analystA)).get("files").get(0).get("path").asString();
        assertThat(get("/v1/exports/" + id + "/files/" + file, analystA).statusCode()).isEqualTo(200);
        database.inTenantRun(tenantA, db -> db.sql("update exports set expires_at = ? where export_id = ?::uuid")
                .params(Timestamp.from(Instant.now().minusSeconds(1)), id).update());

        // when
        sweeper.sweep();

        // then
        assertThat(get("/v1/exports/" + id + "/files/" + file, analystA).statusCode()).isEqualTo(404);
        assertThat(get("/v1/exports/" + id + "/files/manifest.json", analystA).statusCode()).isEqualTo(404);
        assertThat(body(get("/v1/exports/" + id, analystA)).get("export").get("status").asString()).isEqualTo("deleted");
        assertThat(body(get("/v1/exports", analystA)).findValuesAsString("exportId")).doesNotContain(id);
    }

    @Test
    void anotherTenantCanNeitherSeeNorDownloadNorDeleteAnExport() throws Exception {
        String id = body(post("/v1/exports", analystA, """
                {"format": "PARQUET", "from": "2026-01-01", "to": "2026-12-31"}""")).get("export").get("exportId").asString();
        awaitCompleted(id, analystA);

        assertThat(get("/v1/exports/" + id, analystB).statusCode()).isEqualTo(404);
        assertThat(get("/v1/exports/" + id + "/files/manifest.json", analystB).statusCode()).isEqualTo(404);
        assertThat(delete("/v1/exports/" + id, analystB).statusCode()).isEqualTo(404);
        assertThat(body(get("/v1/exports", analystB)).findValuesAsString("exportId")).doesNotContain(id);
        assertThat(get("/v1/exports/" + id + "/files/manifest.json", analystA).statusCode()).isEqualTo(200);
    }

    @Test
    void invalidRequestsAreProblems() throws Exception {
        HttpResponse<String> response = post("/v1/exports", analystA, """
                {"format": "PARQUET", "compression": "GZIP", "from": "2026-01-01", "to": "2026-12-31"}""");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(body(response).get("code").asString()).isEqualTo("VALIDATION_FAILED");
    }

    @Test
    void aDueScheduleRunsAndKeepsOnlyItsNewestExports() throws Exception {
        // given
        HttpResponse<String> created = post("/v1/export-schedules", ownerA, """
                {"name": "nightly", "cron": "0 0 2 * * *", "timeZone": "Europe/Berlin", "windowDays": 3660, "keepLast": 1,
                 "export": {"format": "JSONL", "compression": "GZIP"}}""");
        assertThat(created.statusCode()).isEqualTo(201);
        UUID schedule = UUID.fromString(body(created).get("scheduleId").asString());
        assertThat(post("/v1/export-schedules", analystA, "{}").statusCode()).isEqualTo(403);

        // when: the schedule is due twice
        List<String> exports = new ArrayList<>();
        for (int run = 0; run < 2; run++) {
            makeDue(schedule);
            assertThat(schedules.runDue()).isGreaterThanOrEqualTo(1);
            String latest = scheduledExports(schedule).get(0);
            awaitCompleted(latest, analystA);
            exports.add(latest);
        }

        // then
        assertThat(exports).doesNotHaveDuplicates();
        JsonNode listed = body(get("/v1/export-schedules", analystA));
        assertThat(Instant.parse(listed.get(0).get("nextRunAt").asString())).isAfter(Instant.now());
        assertThat(awaitStatus(exports.get(0), "deleted")).isEqualTo("deleted");
        assertThat(get("/v1/exports/" + exports.get(1) + "/files/manifest.json", analystA).statusCode()).isEqualTo(200);
    }

    private void makeDue(UUID schedule) {
        database.inTenantRun(tenantA, db -> db.sql("update export_schedules set next_run_at = ? where schedule_id = ?")
                .params(Timestamp.from(Instant.now().minusSeconds(1)), schedule).update());
    }

    private List<String> scheduledExports(UUID schedule) {
        return database.inTenant(tenantA, db -> db.sql(
                "select export_id::text from exports where schedule_id = ? order by created_at desc").param(schedule)
                .query(String.class).list());
    }

    private long auditedDownloads(String exportId) {
        return database.inTenant(tenantA, db -> db.sql(
                "select count(*) from audit_log where action = 'export.downloaded' and target_id = ?").param(exportId)
                .query(Long.class).single());
    }

    /** Retention runs right after the newer export completes, on the job's thread. */
    private String awaitStatus(String id, String wanted) throws Exception {
        Instant giveUp = Instant.now().plus(Duration.ofSeconds(30));
        String state = null;
        while (Instant.now().isBefore(giveUp) && !wanted.equals(state)) {
            state = body(get("/v1/exports/" + id, analystA)).get("export").get("status").asString();
            Thread.sleep(50);
        }
        return state;
    }

    private JsonNode awaitCompleted(String id, String key) throws Exception {
        Instant giveUp = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(giveUp)) {
            JsonNode status = body(get("/v1/exports/" + id, key));
            String state = status.get("export").get("status").asString();
            // the job run's own status is closed by the job listener just after the export's
            String jobState = status.path("progress").path("status").asString("");
            if (!state.equals("queued") && !state.equals("running") && !jobState.equals("running")) {
                assertThat(state).as("export failed: %s", status.get("export").get("error")).isEqualTo("completed");
                return status;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("export " + id + " did not finish");
    }
}
