package com.meridian.ingest.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

import com.meridian.ingest.imports.csv.CsvProfiles;
import com.meridian.ingest.imports.schedule.ImportSchedule;
import com.meridian.ingest.imports.schedule.ImportSchedules;
import com.meridian.ingest.imports.schedule.InvalidImportScheduleException;
import com.meridian.ingest.imports.schedule.ScheduledFile;
import com.meridian.ingest.jobs.JobRunView;
import com.meridian.ingest.jobs.JobRuns;
import com.meridian.ingest.jobs.RejectedEntry;
import com.meridian.localstack.LocalStackTestConfiguration;
import com.meridian.tenancy.TenantDatabase;
import com.meridian.tenancy.TenantId;

/**
 * Scheduled imports from a watched folder, against a real PostgreSQL: a dropped file is imported once by its
 * schedule and a later tick does not import it again, not even when it is dropped again; a broken entry and a
 * broken file are reported with the file, the entry and the reason; tenant B's schedule never sees tenant A's
 * files. The schedule's time is a clock of the test's own, a year ahead of the wall clock, so the application's
 * own poller never runs these schedules.
 */
@SpringBootTest(classes = ImportTestApplication.class, properties = {"spring.batch.job.enabled=false",
        "spring.batch.jdbc.initialize-schema=never", "spring.flyway.placeholders.app_role=${spring.datasource.username}",
        "meridian.imports.chunk-size=3",
        // the tenants' folders stay under target/, not in the machine's temp directory
        "meridian.imports.watch-root=target/scheduled-import-drops"})
@Import(LocalStackTestConfiguration.class)
class ScheduledImportIT {

    private static final String YEARLY = "0 0 6 1 1 *";
    private static final String CSV = """
            date,amount,currency,description,counterparty
            2026-11-02,-2.50,EUR,Coffee,Cafe Kranzler
            2026-11-02,-2.50,EUR,Coffee,Cafe Kranzler
            2026-11-02,minus four,EUR,Broken row,Nobody
            2026-11-03,-61.20,EUR,Groceries,REWE
            """;

    @Autowired
    TenantDatabase database;

    @Autowired
    JobRuns runs;

    @Autowired
    StatementImports imports;

    @Autowired
    CsvProfiles profiles;

    @Autowired
    ImportProperties properties;

    SettableClock clock = new SettableClock();
    ImportSchedules schedules;
    ImportTestSupport support;
    TenantId tenantA;
    TenantId tenantB;
    ImportSchedule scheduleA;
    ImportSchedule scheduleB;

    @BeforeEach
    void twoTenantsWatchingAFolderOfTheSameName() {
        schedules = new ImportSchedules(database, imports, runs, profiles, properties, clock);
        support = new ImportTestSupport(database, runs);
        tenantA = support.newTenant();
        tenantB = support.newTenant();
        UUID accountA = support.newAccount(tenantA, null, "EUR");
        UUID accountB = support.newAccount(tenantB, null, "EUR");
        scheduleA = schedules.create(tenantA, "bank drops", YEARLY, "UTC", "bank", accountA, null, "test");
        scheduleB = schedules.create(tenantB, "bank drops", YEARLY, "UTC", "bank", accountB, null, "test");
    }

    @Test
    void aDroppedFileIsImportedOnceAndAgainDroppedIsNotImportedAgain() throws Exception {
        // given
        Path folderA = schedules.folder(tenantA, "bank").path();
        Files.writeString(folderA.resolve("november.csv"), CSV);

        // when the schedule's time comes
        int firstTick = tick();
        ScheduledFile imported = awaitSettled(tenantA, scheduleA, "november.csv");

        // then the file is imported once, its broken entry reported with file, entry and reason
        assertThat(firstTick).isEqualTo(1);
        assertThat(imported.status()).isEqualTo("imported");
        assertThat(imported.entriesWritten()).isEqualTo(3);
        assertThat(imported.entriesRejected()).isEqualTo(1);
        assertThat(support.count(tenantA, "select count(*) from transactions")).isEqualTo(3);
        assertThat(runs.rejects(tenantA, imported.jobRunId(), 10, 0)).singleElement().satisfies(reject -> {
            assertThat(reject.origin()).isEqualTo("november.csv");
            assertThat(reject.entryRef()).isEqualTo("line 4");
            assertThat(reject.reason()).contains("minus four");
        });
        assertThat(folderA.resolve("processed/november.csv")).exists();
        assertThat(folderA.resolve("november.csv")).doesNotExist();

        // and when the same file is dropped again, the next tick does not import it again
        Files.writeString(folderA.resolve("november.csv"), CSV);
        int secondTick = tick();

        assertThat(secondTick).isZero();
        assertThat(schedules.files(tenantA, scheduleA.scheduleId(), 10, 0)).hasSize(1);
        assertThat(support.count(tenantA, "select count(*) from job_runs")).isEqualTo(1);
        assertThat(folderA.resolve("processed/november.csv.2")).as("moved out of the way").exists();
    }

    @Test
    void aFileThatIsNoStatementIsRejectedWithTheReasonAndMovedAside() throws Exception {
        // given
        Path folderA = schedules.folder(tenantA, "bank").path();
        Files.writeString(folderA.resolve("notes.txt"), "just some notes\nnothing to see\n");

        // when
        assertThat(tick()).isEqualTo(1);
        ScheduledFile rejected = awaitSettled(tenantA, scheduleA, "notes.txt");

        // then
        assertThat(rejected.status()).isEqualTo("rejected");
        assertThat(rejected.reason()).contains("expects a column 'date'");
        List<RejectedEntry> rejects = runs.rejects(tenantA, rejected.jobRunId(), 10, 0);
        assertThat(rejects).singleElement().satisfies(reject -> {
            assertThat(reject.origin()).isEqualTo("notes.txt");
            assertThat(reject.entryRef()).isEqualTo("file");
            assertThat(reject.reasonCode()).isEqualTo("CSV_PROFILE_MISMATCH");
        });
        assertThat(folderA.resolve("rejected/notes.txt")).exists();
    }

    @Test
    void tenantBsScheduleNeverSeesTenantAsFiles() throws Exception {
        // given a file in A's folder only
        Files.writeString(schedules.folder(tenantA, "bank").path().resolve("november.csv"), CSV);

        // when both schedules run
        tick();
        awaitSettled(tenantA, scheduleA, "november.csv");

        // then
        assertThat(schedules.folder(tenantB, "bank").path()).isNotEqualTo(schedules.folder(tenantA, "bank").path());
        assertThat(schedules.files(tenantB, scheduleB.scheduleId(), 10, 0)).isEmpty();
        assertThat(schedules.files(tenantB, scheduleA.scheduleId(), 10, 0)).as("A's schedule, read as B").isEmpty();
        assertThat(support.count(tenantB, "select count(*) from transactions")).isZero();
        assertThat(schedules.list(tenantB)).extracting(ImportSchedule::scheduleId).containsExactly(scheduleB.scheduleId());
        assertThatThrownBy(() -> schedules.create(tenantB, "escape", YEARLY, "UTC", "../" + tenantA + "/bank", null, null, "test"))
                .isInstanceOf(InvalidImportScheduleException.class);
        assertThatThrownBy(() -> schedules.create(tenantB, "absolute", YEARLY, "UTC",
                schedules.folder(tenantA, "bank").path().toString(), null, null, "test"))
                .isInstanceOf(InvalidImportScheduleException.class);
    }

    /** Moves the clock to the schedules' next time and runs what is due. */
    private int tick() {
        Instant next = schedules.find(tenantA, scheduleA.scheduleId()).orElseThrow().nextRunAt();
        clock.set(next.plusSeconds(1));
        return schedules.runDue();
    }

    private ScheduledFile awaitSettled(TenantId tenant, ImportSchedule schedule, String fileName) {
        ScheduledFile taken = schedules.files(tenant, schedule.scheduleId(), 10, 0).stream()
                .filter(file -> file.fileName().equals(fileName)).findFirst().orElseThrow();
        JobRunView run = support.awaitFinished(tenant, taken.jobRunId());
        assertThat(run.finishedAt()).isNotNull();
        return schedules.files(tenant, schedule.scheduleId(), 10, 0).stream()
                .filter(file -> file.fileName().equals(fileName)).findFirst().orElseThrow();
    }

    /** The schedules' time, set by the test. */
    private static final class SettableClock extends Clock {
        private volatile Instant now = Instant.now();

        void set(Instant instant) {
            now = instant;
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
