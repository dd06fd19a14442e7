package com.meridian.ingest.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;

import com.meridian.ingest.jobs.JobRunLauncher;
import com.meridian.ingest.jobs.JobRunView;
import com.meridian.ingest.jobs.JobRuns;
import com.meridian.ingest.jobs.RejectedEntry;
import com.meridian.localstack.LocalStackTestConfiguration;
import com.meridian.tenancy.TenantDatabase;
import com.meridian.tenancy.TenantId;

/**
 * A large CSV staged in two partitions stores exactly the rows the single-threaded stage stores (same
 * fingerprints, occurrence indexes and categories; the same rejected lines), also when identical bookings sit on
 * both sides of the partition boundary; imported again it stores nothing new; and an import whose partition
 * failed completes with exactly those rows when it is resumed, the failed partition continuing from its last
 * chunk and the completed one not run again. The reference is the same file imported by a worker JVM whose
 * threshold keeps it on one thread.
 */
@SpringBootTest(classes = ImportTestApplication.class, properties = {"spring.batch.job.enabled=false",
        "spring.batch.jdbc.initialize-schema=never", "spring.flyway.placeholders.app_role=${spring.datasource.username}",
        "meridian.imports.chunk-size=1000", "meridian.imports.partition-threshold=1MB",
        "meridian.imports.partition-grid-size=2", "meridian.jobs.progress-interval=100ms"})
@Import(LocalStackTestConfiguration.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PartitionedStatementImportIT {

    private static final int ROWS = 200_000;
    /** Rows whose amount cannot be read: rejected, each keeping its line. */
    private static final int BROKEN_EVERY = 25_000;
    private static final int FAILING_ROW = 150_500;
    private static final String FAILING_DESCRIPTION = "Payment " + FAILING_ROW;

    /** The stored rows in a comparable form: one digest over all of them, ordered by their key. */
    private static final String STORED = """
            select count(*) || ' rows, ' || md5(string_agg(concat_ws('|', fingerprint, occurrence, booking_date, amount,
                   description, counterparty_name, category_code, status), ',' order by fingerprint, occurrence))
            from transactions where account_id = ?""";

    @Autowired
    StatementImports imports;

    @Autowired
    JobRunLauncher launcher;

    @Autowired
    JobRuns runs;

    @Autowired
    TenantDatabase database;

    @Autowired
    Environment environment;

    @TempDir
    static Path files;

    ImportTestSupport support;
    Path file;
    long repeatedBookings;
    String singleThreaded;
    List<String> singleThreadedRejects;

    @BeforeAll
    void theFileImportedOnOneThread() throws Exception {
        support = new ImportTestSupport(database, runs);
        file = csv(files.resolve("large.csv"));
        TenantId tenant = support.newTenant();
        UUID account = support.newAccount(tenant, null, "EUR");
        Process worker = ImportTestSupport.worker(environment, List.of("meridian.imports.partition-threshold=1TB"),
                "start", tenant.toString(), file.toString(), account.toString());
        assertThat(worker.waitFor(10, TimeUnit.MINUTES)).isTrue();
        String output = new String(worker.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(output).contains("FINISHED completed");
        UUID run = UUID.fromString(output.lines().filter(line -> line.startsWith("RUN ")).findFirst().orElseThrow()
                .substring(4).strip());
        assertThat(stepNames(tenant, run)).as("the reference ran on one thread").contains("stage")
                .noneMatch(name -> name.startsWith("stagePartition:"));
        singleThreaded = stored(tenant, account);
        singleThreadedRejects = rejects(tenant, run);
    }

    @Test
    void aLargeFileStagedInPartitionsStoresTheRowsOfTheSingleThreadedStageAndNothingNewTheSecondTime() {
        // given
        TenantId tenant = support.newTenant();
        UUID account = support.newAccount(tenant, null, "EUR");

        // when
        UUID run = imports.start(tenant, file, "large.csv", account, null, "test");
        JobRunView view = support.awaitFinished(tenant, run, 300);
        String first = stored(tenant, account);
        JobRunView again = support.awaitFinished(tenant, imports.start(tenant, file, "large.csv", account, null, "test"), 300);

        // then
        assertThat(view.status()).isEqualTo("completed");
        assertThat(stepNames(tenant, run)).as("staged in two partitions")
                .contains("partitionedStage", "stagePartition:entries-000", "stagePartition:entries-001")
                .doesNotContain("stage");
        assertThat(first).isEqualTo(singleThreaded).startsWith((ROWS - ROWS / BROKEN_EVERY) + " rows");
        assertThat(support.count(tenant, "select count(*) from transactions where occurrence > 0"))
                .as("identical bookings, some across the partition boundary, stay apart").isEqualTo(repeatedBookings);
        assertThat(rejects(tenant, run)).isEqualTo(singleThreadedRejects).hasSize(ROWS / BROKEN_EVERY);
        assertThat(view.itemsWritten()).isEqualTo(ROWS - ROWS / BROKEN_EVERY);
        assertThat(view.itemsSkipped()).isEqualTo(ROWS / BROKEN_EVERY);
        assertThat(view.percent()).isEqualByComparingTo("100");
        assertThat(again.status()).isEqualTo("completed");
        assertThat(stored(tenant, account)).as("imported again: nothing new").isEqualTo(singleThreaded);
    }

    @Test
    void anImportWhosePartitionFailedCompletesWithExactlyTheRightRowsWhenResumed() throws Exception {
        // given a tenant whose database refuses one booking of the second partition, once
        TenantId tenant = support.newTenant();
        UUID account = support.newAccount(tenant, null, "EUR");
        failOnce(tenant, FAILING_DESCRIPTION);

        // when the import fails in that partition, and is resumed
        UUID run = imports.start(tenant, file, "large.csv", account, null, "test");
        JobRunView failed = support.awaitFinished(tenant, run, 300);
        long storedWhenFailed = support.count(tenant, "select count(*) from transactions");
        launcher.resume(tenant, run);
        JobRunView resumed = support.awaitFinished(tenant, run, 300);

        // then
        assertThat(failed.status()).isEqualTo("failed");
        assertThat(failed.errorSummary()).contains("refused once");
        assertThat(storedWhenFailed).as("the first partition and the failed one's committed chunks")
                .isGreaterThan(ROWS / 2).isLessThan(ROWS - ROWS / BROKEN_EVERY);
        assertThat(resumed.status()).isEqualTo("completed");
        assertThat(stored(tenant, account)).isEqualTo(singleThreaded);
        assertThat(rejects(tenant, run)).isEqualTo(singleThreadedRejects);
        assertThat(partitionRuns(tenant, run)).as("executions of each partition, with what the last one read")
                .containsEntry("stagePartition:entries-000", 1L)
                .containsEntry("stagePartition:entries-001", 2L);
        assertThat(support.count(tenant, """
                select read_count from batch_step_execution where job_execution_id = (
                    select batch_job_execution_id from job_runs where job_run_id = ?)
                  and step_name = 'stagePartition:entries-001'""", run))
                .as("the resumed partition continued from its last chunk").isLessThan(ROWS / 2 - 1000);
    }

    /**
     * A trigger that refuses the tenant's booking with {@code description} the first time it is inserted (a
     * sequence counts the attempts outside the rolled-back transaction). Created as the schema owner.
     */
    private void failOnce(TenantId tenant, String description) throws Exception {
        String name = "fail_once_" + tenant.value().toString().replace("-", "");
        try (Connection owner = DriverManager.getConnection(environment.getProperty("spring.flyway.url"),
                environment.getProperty("spring.flyway.user"), environment.getProperty("spring.flyway.password"));
             Statement sql = owner.createStatement()) {
            sql.execute("create sequence " + name + "_attempts");
            sql.execute("""
                    create function %1$s() returns trigger language plpgsql security definer as $$
                    begin
                        if nextval('%1$s_attempts') = 1 then
                            raise exception 'booking %% refused once', new.description;
                        end if;
                        return new;
                    end $$""".formatted(name));
            sql.execute("""
                    create trigger %1$s before insert on transactions for each row
                    when (new.tenant_id = '%2$s' and new.description = '%3$s') execute function %1$s()"""
                    .formatted(name, tenant.value(), description));
        }
    }

    /** 200,000 rows over 200 days; each day starts with four identical coffees, two of them just before the
     * partition boundary (entry 100,000) and two after it; every 25,000th row has an amount that cannot be read. */
    private Path csv(Path target) throws IOException {
        Map<String, Integer> seen = new HashMap<>();
        LocalDate start = LocalDate.of(2021, 1, 1);
        try (BufferedWriter out = Files.newBufferedWriter(target)) {
            out.write("date,amount,currency,description,counterparty\n");
            for (int i = 0; i < ROWS; i++) {
                int k = i + 2;
                boolean coffee = k % 1000 < 4;
                String amount = i % BROKEN_EVERY == 12_345 ? "n/a" : coffee ? "-2.50" : "-" + (i % 997) + "." + (i % 100);
                String row = start.plusDays(k / 1000) + "," + amount + ",EUR," + (coffee ? "Coffee" : "Payment " + i) + ","
                        + (coffee ? "Cafe" : "Shop " + (i % 50));
                if (!amount.equals("n/a") && seen.merge(row, 1, Integer::sum) > 1) {
                    repeatedBookings++;
                }
                out.write(row + "\n");
            }
        }
        return target;
    }

    private String stored(TenantId tenant, UUID account) {
        return database.inTenant(tenant, sql -> sql.sql(STORED).param(account).query(String.class).single());
    }

    private List<String> rejects(TenantId tenant, UUID run) {
        return runs.rejects(tenant, run, 1000, 0).stream()
                .map(RejectedEntry::entryRef).sorted().toList();
    }

    private List<String> stepNames(TenantId tenant, UUID run) {
        return database.inTenant(tenant, sql -> sql.sql("""
                select step_name from batch_step_execution where job_execution_id = (
                    select batch_job_execution_id from job_runs where job_run_id = ?)""").param(run)
                .query(String.class).list());
    }

    /** Executions of each partition over every execution of the run's job instance. */
    private Map<String, Long> partitionRuns(TenantId tenant, UUID run) {
        Map<String, Long> counts = new HashMap<>();
        database.inTenant(tenant, sql -> sql.sql("""
                select s.step_name, count(*) from batch_step_execution s join batch_job_execution e using (job_execution_id)
                where e.job_instance_id = (select job_instance_id from batch_job_execution where job_execution_id = (
                          select batch_job_execution_id from job_runs where job_run_id = ?))
                  and s.step_name like 'stagePartition:%'
                group by s.step_name""").param(run)
                .query((rs, n) -> counts.put(rs.getString(1), rs.getLong(2))).list());
        return counts;
    }
}
