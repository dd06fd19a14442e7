package com.meridian.ingest.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;

import com.meridian.ingest.jobs.JobRunView;
import com.meridian.ingest.jobs.JobRuns;
import com.meridian.localstack.LocalStackTestConfiguration;
import com.meridian.tenancy.TenantDatabase;
import com.meridian.tenancy.TenantId;

/**
 * Restartability: a worker JVM importing a large CSV is killed with SIGKILL ({@code kill -9}) in the middle of
 * the stage step; a new worker resumes the run, which completes with exactly the file's transactions, none
 * twice; the same for an import staged in partitions, whose killed partitions resume where each committed last.
 * The size is {@code -Dmeridian.restart.rows} (50,000 in the default build; the 1,000,000 with
 * {@code -Dmeridian.restart.rows=1000000}).
 */
@SpringBootTest(classes = ImportTestApplication.class, properties = {"spring.batch.job.enabled=false",
        "spring.batch.jdbc.initialize-schema=never", "spring.flyway.placeholders.app_role=${spring.datasource.username}",
        "meridian.imports.chunk-size=3"})
@Import(LocalStackTestConfiguration.class)
class StatementImportRestartIT {

    private static final int ROWS = Integer.getInteger("meridian.restart.rows", 50_000);

    @Autowired
    TenantDatabase database;

    @Autowired
    JobRuns runs;

    @Autowired
    Environment environment;

    @TempDir
    Path files;

    @Test
    void anImportKilledMidwayResumesToExactlyTheRightRows() throws Exception {
        killedAndResumed(List.of("meridian.imports.partition-threshold=1TB"));
    }

    @Test
    void anImportStagedInPartitionsKilledMidwayResumesToExactlyTheRightRows() throws Exception {
        Resumed resumed = killedAndResumed(List.of("meridian.imports.partition-threshold=1MB",
                "meridian.imports.partition-grid-size=2"));

        assertThat(resumed.support().count(resumed.tenant(), """
                select count(*) from batch_step_execution s join batch_job_execution e using (job_execution_id)
                where e.job_instance_id = (select job_instance_id from batch_job_execution
                                           where job_execution_id = (select batch_job_execution_id from job_runs
                                                                     where job_run_id = ?))
                  and s.step_name like 'stagePartition:%'""", resumed.run()))
                .as("two partitions started, and at least one was restarted").isGreaterThanOrEqualTo(3);
    }

    private record Resumed(ImportTestSupport support, TenantId tenant, UUID run) {
    }

    /** Imports a large file in a worker JVM with {@code properties}, kills it midway, resumes it and checks the rows. */
    private Resumed killedAndResumed(List<String> properties) throws Exception {
        // given a file with a pair of identical coffees every 1,000 rows
        ImportTestSupport support = new ImportTestSupport(database, runs);
        TenantId tenant = support.newTenant();
        UUID account = support.newAccount(tenant, null, "EUR");
        Path file = csv(files.resolve("large.csv"), ROWS);

        // when the worker is killed while staging
        Process worker = ImportTestSupport.worker(environment, properties, "start", tenant.toString(), file.toString(),
                account.toString());
        UUID run = runId(worker);
        await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(50))
                .until(() -> runs.find(tenant, run).map(v -> v.itemsWritten() >= ROWS / 5).orElse(false));
        worker.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        JobRunView killed = runs.find(tenant, run).orElseThrow();

        // and a new worker resumes it
        Process resumed = ImportTestSupport.worker(environment, properties, "resume", tenant.toString(), run.toString());
        assertThat(resumed.waitFor(10, TimeUnit.MINUTES)).isTrue();
        String output = new String(resumed.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        // then
        assertThat(killed.status()).isEqualTo("running");
        assertThat(killed.itemsWritten()).isLessThan(ROWS);
        assertThat(output).contains("FINISHED completed");
        assertThat(support.count(tenant, "select count(*) from transactions where account_id = ?", account)).isEqualTo(ROWS);
        assertThat(support.count(tenant, "select count(*) from transactions where occurrence = 1")).isEqualTo(ROWS / 1000);
        assertThat(support.count(tenant, "select count(*) from import_staging")).isZero();
        assertThat(support.count(tenant, "select count(*) from dead_letters")).isZero();
        return new Resumed(support, tenant, run);
    }

    private static Path csv(Path file, int rows) throws IOException {
        LocalDate day = LocalDate.of(2020, 1, 1);
        try (BufferedWriter out = Files.newBufferedWriter(file)) {
            out.write("date,amount,currency,description,counterparty\n");
            for (int i = 0; i < rows; i++) {
                boolean coffee = i % 1000 >= 998;
                String description = coffee ? "Coffee " + (i / 1000) : "Payment " + i;
                out.write(day.plusDays(i / 1000) + "," + (coffee ? "-2.50" : "-" + (i % 997) + "." + (i % 100)) + ",EUR,"
                        + description + "," + (coffee ? "Cafe" : "Shop " + (i % 50)) + "\n");
            }
        }
        return file;
    }

    private static UUID runId(Process worker) throws IOException {
        BufferedReader out = new BufferedReader(new InputStreamReader(worker.getInputStream(), StandardCharsets.UTF_8));
        for (String line = out.readLine(); line != null; line = out.readLine()) {
            if (line.startsWith("RUN ")) {
                return UUID.fromString(line.substring(4).strip());
            }
        }
        throw new IllegalStateException("the worker ended without starting a run");
    }
}
