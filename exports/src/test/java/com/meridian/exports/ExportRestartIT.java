package com.meridian.exports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;

import com.meridian.ingest.jobs.JobRunLauncher;
import com.meridian.ingest.jobs.JobRunView;
import com.meridian.ingest.jobs.JobRuns;
import com.meridian.localstack.LocalStackTestConfiguration;
import com.meridian.tenancy.TenantDatabase;
import com.meridian.tenancy.TenantId;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Restartability: a worker JVM exporting a year of transactions to Parquet is killed with SIGKILL
 * ({@code kill -9}) in the middle of the rows step; the run is resumed here. The resumed export keeps the month
 * files the killed run had closed (not one byte rewritten: same modification time), reads only the rows after
 * them, and comes out with the same files (month, rows, size) holding the same rows, as DuckDB reads them, as an
 * export of the same rows that was never interrupted.
 * The size is {@code -Dmeridian.export.restart.rows} (6,000 by default).
 */
@SpringBootTest
@Import(LocalStackTestConfiguration.class)
class ExportRestartIT {

    private static final int ROWS = Integer.getInteger("meridian.export.restart.rows", 6_000);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    Exports exports;

    @Autowired
    JobRuns runs;

    @Autowired
    JobRunLauncher launcher;

    @Autowired
    TenantDatabase database;

    @Autowired
    Environment environment;

    @Test
    void anExportKilledMidwayResumesAfterItsClosedMonthsToTheSameFiles() throws Exception {
        // given a year of transactions in two currencies
        TenantId tenant = tenantWithAYearOfTransactions(ROWS);
        ExportRequest request = new ExportRequest(ExportKind.TRANSACTIONS, ExportFormat.PARQUET, ExportCompression.ZSTD,
                LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31), null, null, null);

        // when the worker is killed while writing rows
        Process worker = worker(tenant, request);
        UUID exportId = exportId(worker);
        UUID run = await().atMost(Duration.ofMinutes(2)).until(() -> exports.find(tenant, exportId).orElseThrow().jobRunId(),
                id -> id != null);
        await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(20))
                .until(() -> runs.find(tenant, run).map(view -> view.itemsWritten() >= ROWS * 2 / 5).orElse(false));
        worker.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        JobRunView killed = runs.find(tenant, run).orElseThrow();
        Map<String, FileTime> staged = modificationTimes(Path.of(environment.getProperty("meridian.exports.staging-directory"),
                exportId.toString()));

        // and the run is resumed here
        launcher.resume(tenant, run);
        ExportView resumed = awaitFinished(tenant, exportId);

        // then it completed with every row, keeping the closed months of the killed run as they were
        assertThat(killed.status()).isEqualTo("running");
        assertThat(killed.itemsWritten()).isLessThan(ROWS);
        assertThat(resumed.status()).as("resumed export: %s", resumed.error()).isEqualTo("completed");
        Path published = Path.of(exports.location(tenant, exportId));
        JsonNode manifest = manifest(published);
        assertThat(manifest.get("rows").asLong()).isEqualTo(ROWS);
        long keptRows = 0;
        int keptFiles = 0;
        for (JsonNode file : manifest.get("files")) {
            String path = file.get("path").asString();
            if (Files.getLastModifiedTime(published.resolve(path)).equals(staged.get(path))) {
                keptRows += file.get("rows").asLong();
                keptFiles++;
            }
        }
        assertThat(keptFiles).as("month files kept from the killed run").isGreaterThanOrEqualTo(2);
        assertThat(runs.find(tenant, run).orElseThrow().itemsRead()).as("rows read by the resumed run")
                .isEqualTo(ROWS - keptRows);

        // and it holds the files and rows of an export that was never interrupted
        UUID uninterrupted = exports.start(tenant, request, "test");
        assertThat(awaitFinished(tenant, uninterrupted).status()).isEqualTo("completed");
        Path referenceRoot = Path.of(exports.location(tenant, uninterrupted));
        JsonNode reference = manifest(referenceRoot);
        assertThat(filesWithoutChecksums(manifest)).hasSize(12).isEqualTo(filesWithoutChecksums(reference));
        assertThat(manifest.get("totals")).isEqualTo(reference.get("totals"));
        assertThat(manifest.get("columns")).isEqualTo(reference.get("columns"));
        for (JsonNode file : manifest.get("files")) {
            assertThat(differingRows(published.resolve(file.get("path").asString()),
                    referenceRoot.resolve(file.get("path").asString()))).as(file.get("path").asString()).isZero();
        }
    }

    /**
     * Files of two exports are compared row by row, not byte by byte: Parquet writes each column's set of encodings
     * in the footer in hash order, which differs between JVMs (the killed worker's and this one).
     */
    private static List<String> filesWithoutChecksums(JsonNode manifest) {
        List<String> files = new ArrayList<>();
        manifest.get("files").forEach(file -> files.add(file.get("path").asString() + " " + file.get("rows").asLong() + " rows "
                + file.get("bytes").asLong() + " bytes"));
        return files;
    }

    /** Rows in one Parquet file and not the other, either way, as DuckDB reads them (every column, duplicates counted). */
    private static long differingRows(Path one, Path other) throws SQLException {
        try (Connection duck = DriverManager.getConnection("jdbc:duckdb:"); Statement sql = duck.createStatement();
                ResultSet rs = sql.executeQuery("""
                        select count(*) from (
                            (select * from read_parquet('%1$s') except all select * from read_parquet('%2$s'))
                            union all
                            (select * from read_parquet('%2$s') except all select * from read_parquet('%1$s')))"""
                        .formatted(one, other))) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private TenantId tenantWithAYearOfTransactions(int rows) {
        TenantId tenant = TenantId.random();
        database.inTenantRun(tenant, db -> {
            db.sql("insert into tenants (tenant_id, slug, name) values (?, ?, 'Restart')")
                    .params(tenant.value(), "restart-" + tenant.toString().substring(0, 8)).update();
            for (String currency : List.of("EUR", "JPY")) {
                UUID account = UUID.randomUUID();
                db.sql("insert into bank_accounts (tenant_id, account_id, name, currency) values (?, ?, ?, ?)")
                        .params(tenant.value(), account, "Account " + currency, currency).update();
                db.sql("""
                        insert into transactions (tenant_id, account_id, source, source_transaction_id, fingerprint,
                                                  booking_date, amount, currency, description, counterparty_name)
                        select ?, ?, 'api', ? || g, ? || g, date '2025-01-01' + (g % 365),
                               case when ? = 'JPY' then ((g % 5000) - 2500)::numeric else round(((g % 20000) - 10000) / 100.0, 2) end, ?,
                               'Zahlung ' || g || ' für Café Müller', case when g % 7 = 0 then null else 'Shop ' || (g % 13) end
                        from generate_series(1, ?) g""")
                        .params(tenant.value(), account, currency + "-", currency + "-fp-", currency, currency, rows / 2)
                        .update();
            }
        });
        return tenant;
    }

    private Process worker(TenantId tenant, ExportRequest request) throws IOException {
        List<String> arguments = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-cp", System.getProperty("java.class.path"), ExportWorkerMain.class.getName(), "start",
                tenant.toString(), JSON.writeValueAsString(request), "--"));
        for (String name : List.of("spring.datasource.url", "spring.datasource.username", "spring.datasource.password",
                "spring.flyway.url", "spring.flyway.user", "spring.flyway.password", "spring.flyway.placeholders.app_role",
                "meridian.exports.directory", "meridian.exports.staging-directory")) {
            arguments.add("--" + name + "=" + environment.getProperty(name));
        }
        // small chunks, so that the kill finds the worker midway even on a fast machine
        arguments.addAll(List.of("--meridian.exports.rows-per-chunk=5", "--meridian.jobs.progress-interval=50ms",
                "--spring.main.banner-mode=off", "--logging.level.root=WARN"));
        return new ProcessBuilder(arguments).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    }

    private static UUID exportId(Process worker) throws IOException {
        BufferedReader out = new BufferedReader(new InputStreamReader(worker.getInputStream(), StandardCharsets.UTF_8));
        for (String line = out.readLine(); line != null; line = out.readLine()) {
            if (line.startsWith("EXPORT ")) {
                return UUID.fromString(line.substring(7).strip());
            }
        }
        throw new IllegalStateException("the worker ended without starting an export");
    }

    private static Map<String, FileTime> modificationTimes(Path staging) throws IOException {
        Map<String, FileTime> times = new HashMap<>();
        try (Stream<Path> files = Files.walk(staging)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                times.put(staging.relativize(file).toString(), Files.getLastModifiedTime(file));
            }
        }
        return times;
    }

    private ExportView awaitFinished(TenantId tenant, UUID exportId) {
        return await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(50))
                .until(() -> exports.find(tenant, exportId).orElseThrow(),
                        view -> !view.status().equals("queued") && !view.status().equals("running"));
    }

    private static JsonNode manifest(Path root) throws IOException {
        return JSON.readTree(Files.readString(root.resolve("manifest.json")));
    }
}
