package com.meridian.ingest.imports.schedule;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.support.CronExpression;

import com.meridian.ingest.imports.ImportProperties;
import com.meridian.ingest.imports.StatementImports;
import com.meridian.ingest.imports.csv.CsvProfiles;
import com.meridian.ingest.imports.schedule.internal.DropFolder;
import com.meridian.ingest.imports.schedule.internal.ScheduledFileRecords;
import com.meridian.ingest.jobs.JobRunView;
import com.meridian.ingest.jobs.JobRuns;
import com.meridian.tenancy.TenantDatabase;
import com.meridian.tenancy.TenantId;

/**
 * Per-tenant import schedules ({@code import_schedules}) and their runs: at a schedule's time, every file
 * dropped in its folder ({@link DropFolder}, inside the tenant's own folder under
 * {@link ImportProperties#watchRoot()}) whose name and content it has not imported yet is recorded in
 * {@code import_schedule_files}, moved aside and imported by its own job; the job settles the record (imported or
 * rejected, with the reason) and moves the file to {@code processed/} or {@code rejected/} when it ends. The same
 * file dropped again is moved to {@code processed/} without a second import.
 *
 * <p>Finding due schedules is the one read that crosses tenants: it runs in a transaction marked
 * {@code app.scope = import-scheduler}, which a read-only policy admits to enabled schedules only; each due
 * schedule then runs inside its own tenant, and only ever lists its tenant's folder.
 */
public class ImportSchedules {

    private static final Logger log = LoggerFactory.getLogger(ImportSchedules.class);
    private static final String VIEW = """
            select schedule_id, name, cron, time_zone, directory, account_id, csv_profile, enabled, next_run_at,
                   last_run_at from import_schedules""";

    private final TenantDatabase database;
    private final StatementImports imports;
    private final JobRuns runs;
    private final CsvProfiles profiles;
    private final ImportProperties properties;
    private final ScheduledFileRecords records;
    private final Clock clock;

    public ImportSchedules(TenantDatabase database, StatementImports imports, JobRuns runs, CsvProfiles profiles,
            ImportProperties properties, Clock clock) {
        this.database = database;
        this.imports = imports;
        this.runs = runs;
        this.profiles = profiles;
        this.properties = properties;
        this.records = new ScheduledFileRecords(database);
        this.clock = clock;
    }

    /** Creates a schedule and its folder. */
    public ImportSchedule create(TenantId tenant, String name, String cron, String timeZone, String directory,
            UUID accountId, String csvProfile, String createdBy) {
        ZoneId zone = zone(timeZone);
        Instant next = next(cron, zone, clock.instant());
        DropFolder folder = folder(tenant, directory);
        if (accountId != null && !accountExists(tenant, accountId)) {
            throw new InvalidImportScheduleException("the tenant has no bank account " + accountId);
        }
        if (csvProfile != null && profiles.find(tenant, csvProfile).isEmpty()) {
            throw new InvalidImportScheduleException("the tenant has no CSV profile " + csvProfile);
        }
        folder.create();
        UUID id = UUID.randomUUID();
        database.inTenantRun(tenant, db -> db.sql("""
                        insert into import_schedules (tenant_id, schedule_id, name, cron, time_zone, directory, account_id,
                                                      csv_profile, next_run_at, created_by)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(tenant.value(), id, name, cron, zone.getId(), directory, accountId, csvProfile,
                        Timestamp.from(next), createdBy)
                .update());
        return find(tenant, id).orElseThrow();
    }

    public Optional<ImportSchedule> find(TenantId tenant, UUID scheduleId) {
        return database.inTenant(tenant, db -> db.sql(VIEW + " where tenant_id = ? and schedule_id = ?")
                .params(tenant.value(), scheduleId).query(ImportSchedules::schedule).optional());
    }

    public List<ImportSchedule> list(TenantId tenant) {
        return database.inTenant(tenant, db -> db.sql(VIEW + " where tenant_id = ? order by created_at")
                .params(tenant.value()).query(ImportSchedules::schedule).list());
    }

    /** Deletes the schedule and its record of files; the folder and the files in it stay. */
    public boolean delete(TenantId tenant, UUID scheduleId) {
        return database.inTenant(tenant, db -> db.sql("delete from import_schedules where tenant_id = ? and schedule_id = ?")
                .params(tenant.value(), scheduleId).update()) == 1;
    }

    /** The files the schedule took, newest first, with how their imports went. */
    public List<ScheduledFile> files(TenantId tenant, UUID scheduleId, int limit, int offset) {
        return database.inTenant(tenant, db -> db.sql("""
                        select f.file_name, f.sha256, f.size_bytes, f.status, f.job_run_id, f.reason,
                               coalesce(r.items_done, 0), coalesce(r.items_failed, 0), f.taken_at, f.settled_at
                        from import_schedule_files f
                        left join job_runs r on r.tenant_id = f.tenant_id and r.job_run_id = f.job_run_id
                        where f.tenant_id = ? and f.schedule_id = ?
                        order by f.taken_at desc, f.file_name limit ? offset ?""")
                .params(tenant.value(), scheduleId, limit, offset).query(ImportSchedules::file).list());
    }

    /** Runs every schedule whose time has come; returns how many imports it started. */
    public int runDue() {
        int started = 0;
        for (DueSchedule due : due()) {
            try {
                if (claim(due.tenant(), due.scheduleId())) {
                    started += pickUp(due.tenant(), find(due.tenant(), due.scheduleId()).orElseThrow());
                }
            } catch (RuntimeException e) {
                log.error("import schedule {} of tenant {} failed to run", due.scheduleId(), due.tenant(), e);
            }
        }
        return started;
    }

    /** The folder of a schedule of {@code tenant}, which cannot lie outside the tenant's own folder. */
    public DropFolder folder(TenantId tenant, String directory) {
        try {
            return DropFolder.of(properties.watchRoot(), tenant, directory);
        } catch (IllegalArgumentException e) {
            throw new InvalidImportScheduleException(e.getMessage());
        }
    }

    /** Takes every new file in the schedule's folder; returns how many imports it started. */
    int pickUp(TenantId tenant, ImportSchedule schedule) {
        settleLost(tenant, schedule.scheduleId());
        DropFolder folder = folder(tenant, schedule.directory());
        int started = 0;
        for (Path file : folder.droppedFiles(properties.watchSettle(), clock.instant())) {
            try {
                if (take(tenant, schedule, folder, file)) {
                    started++;
                }
            } catch (UncheckedIOException e) {
                // gone since the listing (another node took it) or unreadable for now: the next tick sees it again
                log.warn("import schedule {}: cannot take {}", schedule.scheduleId(), file, e);
            }
        }
        return started;
    }

    private boolean take(TenantId tenant, ImportSchedule schedule, DropFolder folder, Path file) {
        String name = file.getFileName().toString();
        String sha256 = DropFolder.sha256(file);
        if (!record(tenant, schedule.scheduleId(), name, sha256, DropFolder.size(file))) {
            if ("imported".equals(status(tenant, schedule.scheduleId(), name, sha256))) {
                folder.moveInto(file, DropFolder.PROCESSED);
                log.info("import schedule {}: {} was imported before, moved to {}", schedule.scheduleId(), name,
                        DropFolder.PROCESSED);
            }
            return false; // being imported (by this node or another): its job settles it
        }
        Path taken;
        try {
            taken = folder.moveInto(file, DropFolder.IMPORTING);
        } catch (UncheckedIOException e) {
            records.settle(tenant, schedule.scheduleId(), name, sha256, null, false,
                    "could not be moved aside to import: " + e.getMessage());
            throw e;
        }
        try {
            UUID run = imports.startScheduled(tenant, taken, name, schedule.accountId(), schedule.csvProfile(),
                    schedule.scheduleId(), sha256);
            database.inTenantRun(tenant, db -> db.sql("""
                            update import_schedule_files set job_run_id = ?
                            where tenant_id = ? and schedule_id = ? and file_name = ? and sha256 = ?""")
                    .params(run, tenant.value(), schedule.scheduleId(), name, sha256).update());
            log.info("import schedule {} of tenant {} started import {} of {}", schedule.scheduleId(), tenant, run, name);
            return true;
        } catch (RuntimeException e) {
            records.settle(tenant, schedule.scheduleId(), name, sha256, null, false, "could not start: " + e.getMessage());
            folder.moveInto(taken, DropFolder.REJECTED);
            log.warn("import schedule {}: could not start the import of {}", schedule.scheduleId(), name, e);
            return false;
        }
    }

    /**
     * Records a file as taken, unless the schedule has taken the same name and content before; a file rejected
     * before is taken again (dropped again after a fix or an outage).
     */
    private boolean record(TenantId tenant, UUID scheduleId, String name, String sha256, long size) {
        return database.inTenant(tenant, db -> db.sql("""
                        insert into import_schedule_files (tenant_id, schedule_id, file_name, sha256, size_bytes, status)
                        values (?, ?, ?, ?, ?, 'importing')
                        on conflict (tenant_id, schedule_id, file_name, sha256) do update
                            set status = 'importing', job_run_id = null, reason = null, taken_at = now(), settled_at = null
                            where import_schedule_files.status = 'rejected'""")
                .params(tenant.value(), scheduleId, name, sha256, size).update()) == 1;
    }

    private String status(TenantId tenant, UUID scheduleId, String name, String sha256) {
        return database.inTenant(tenant, db -> db.sql("""
                        select status from import_schedule_files
                        where tenant_id = ? and schedule_id = ? and file_name = ? and sha256 = ?""")
                .params(tenant.value(), scheduleId, name, sha256).query(String.class).optional().orElse(null));
    }

    /**
     * Files whose job ended without settling them (it could not start, or its JVM died and the run was failed
     * later): settled from the job's own record; the file stays in {@code .importing/} for a restart.
     */
    private void settleLost(TenantId tenant, UUID scheduleId) {
        List<ScheduledFile> importing = database.inTenant(tenant, db -> db.sql("""
                        select file_name, sha256, size_bytes, status, job_run_id, reason, 0, 0, taken_at, settled_at
                        from import_schedule_files
                        where tenant_id = ? and schedule_id = ? and status = 'importing' and job_run_id is not null""")
                .params(tenant.value(), scheduleId).query(ImportSchedules::file).list());
        for (ScheduledFile file : importing) {
            Optional<JobRunView> run = runs.find(tenant, file.jobRunId());
            if (run.isPresent() && run.get().finishedAt() != null && !"completed".equals(run.get().status())) {
                records.settle(tenant, scheduleId, file.fileName(), file.sha256(), file.jobRunId(), false,
                        run.get().errorSummary());
            }
        }
    }

    private List<DueSchedule> due() {
        return database.inTenant(TenantId.of("00000000-0000-0000-0000-000000000000"), db -> {
            // no tenant's rows are visible under the nil tenant; the scope admits the due schedules only
            db.sql("select set_config('app.scope', 'import-scheduler', true)").query(String.class).single();
            return db.sql("select tenant_id, schedule_id from import_schedules where enabled and next_run_at <= ?")
                    .param(Timestamp.from(clock.instant()))
                    .query((rs, n) -> new DueSchedule(new TenantId(rs.getObject(1, UUID.class)), rs.getObject(2, UUID.class)))
                    .list();
        });
    }

    /**
     * Moves a due schedule to its next time, if it is still due: of several nodes polling at once, only the one
     * whose update finds it due runs it.
     */
    private boolean claim(TenantId tenant, UUID scheduleId) {
        ImportSchedule schedule = find(tenant, scheduleId).orElseThrow();
        Instant next = next(schedule.cron(), zone(schedule.timeZone()), clock.instant());
        return database.inTenant(tenant, db -> db.sql("""
                        update import_schedules set next_run_at = ?, last_run_at = now(), updated_at = now()
                        where tenant_id = ? and schedule_id = ? and enabled and next_run_at <= ?""")
                .params(Timestamp.from(next), tenant.value(), scheduleId, Timestamp.from(clock.instant())).update()) == 1;
    }

    private boolean accountExists(TenantId tenant, UUID account) {
        return database.inTenant(tenant, db -> db.sql("select count(*) from bank_accounts where account_id = ?")
                .param(account).query(Long.class).single()) > 0;
    }

    static Instant next(String cron, ZoneId zone, Instant after) {
        if (cron == null || !CronExpression.isValidExpression(cron)) {
            throw new InvalidImportScheduleException("not a valid cron expression (six fields, seconds first): " + cron);
        }
        ZonedDateTime next = CronExpression.parse(cron).next(after.atZone(zone));
        if (next == null) {
            throw new InvalidImportScheduleException("the cron expression never fires: " + cron);
        }
        return next.toInstant();
    }

    private static ZoneId zone(String timeZone) {
        try {
            return ZoneId.of(timeZone == null || timeZone.isBlank() ? "UTC" : timeZone);
        } catch (DateTimeException e) {
            throw new InvalidImportScheduleException("unknown time zone: " + timeZone);
        }
    }

    private static ImportSchedule schedule(ResultSet rs, int row) throws SQLException {
        Timestamp last = rs.getTimestamp(10);
        return new ImportSchedule(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4),
                rs.getString(5), rs.getObject(6, UUID.class), rs.getString(7), rs.getBoolean(8),
                rs.getTimestamp(9).toInstant(), last == null ? null : last.toInstant());
    }

    private static ScheduledFile file(ResultSet rs, int row) throws SQLException {
        Timestamp settled = rs.getTimestamp(10);
        return new ScheduledFile(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getString(4),
                rs.getObject(5, UUID.class), rs.getString(6), rs.getLong(7), rs.getLong(8),
                rs.getTimestamp(9).toInstant(), settled == null ? null : settled.toInstant());
    }

    private record DueSchedule(TenantId tenant, UUID scheduleId) {
    }
}
