package com.meridian.exports;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.support.CronExpression;

import com.meridian.tenancy.TenantDatabase;
import com.meridian.tenancy.TenantId;

import tools.jackson.databind.json.JsonMapper;

/**
 * Per-tenant export schedules ({@code export_schedules}) and the work of running the due ones: move the
 * schedule to its next time, start the export over the schedule's window; once that export completes, the
 * schedule's retention removes its exports beyond the newest {@code keep_last}.
 *
 * <p>Finding due schedules is the one read that crosses tenants: it runs in a transaction marked
 * {@code app.scope = export-scheduler}, which a read-only policy admits to enabled schedules only; each due
 * schedule is then run inside its own tenant.
 */
public class ExportSchedules {

    private static final Logger log = LoggerFactory.getLogger(ExportSchedules.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String VIEW = """
            select schedule_id, name, cron, time_zone, request::text, window_days, keep_last, enabled, next_run_at,
                   last_run_at from export_schedules""";

    private final TenantDatabase database;
    private final Exports exports;
    private final Clock clock;

    public ExportSchedules(TenantDatabase database, Exports exports, Clock clock) {
        this.database = database;
        this.exports = exports;
        this.clock = clock;
    }

    /** Creates a schedule; the request's dates are ignored (each run takes its own window). */
    public ExportSchedule create(TenantId tenant, String name, String cron, String timeZone, ExportRequest request,
            int windowDays, int keepLast, String createdBy) {
        ZoneId zone = zone(timeZone);
        Instant next = next(cron, zone, clock.instant());
        UUID id = UUID.randomUUID();
        database.inTenantRun(tenant, db -> db.sql("""
                        insert into export_schedules (tenant_id, schedule_id, name, cron, time_zone, request, window_days,
                                                      keep_last, next_run_at, created_by)
                        values (?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?)""")
                .params(tenant.value(), id, name, cron, zone.getId(), JSON.writeValueAsString(request), windowDays, keepLast,
                        Timestamp.from(next), createdBy)
                .update());
        return find(tenant, id).orElseThrow();
    }

    public Optional<ExportSchedule> find(TenantId tenant, UUID scheduleId) {
        return database.inTenant(tenant, db -> db.sql(VIEW + " where tenant_id = ? and schedule_id = ?")
                .params(tenant.value(), scheduleId).query(ExportSchedules::schedule).optional());
    }

    public List<ExportSchedule> list(TenantId tenant) {
        return database.inTenant(tenant, db -> db.sql(VIEW + " where tenant_id = ? order by created_at")
                .params(tenant.value()).query(ExportSchedules::schedule).list());
    }

    public boolean delete(TenantId tenant, UUID scheduleId) {
        return database.inTenant(tenant, db -> db.sql("delete from export_schedules where tenant_id = ? and schedule_id = ?")
                .params(tenant.value(), scheduleId).update()) == 1;
    }

    /** Runs every schedule whose time has come; returns how many exports it started. */
    public int runDue() {
        int started = 0;
        for (DueSchedule due : due()) {
            try {
                if (claim(due.tenant(), due.scheduleId())) {
                    start(due.tenant(), find(due.tenant(), due.scheduleId()).orElseThrow());
                    started++;
                }
            } catch (RuntimeException e) {
                log.error("export schedule {} of tenant {} failed to run", due.scheduleId(), due.tenant(), e);
            }
        }
        return started;
    }

    private List<DueSchedule> due() {
        return database.inTenant(TenantId.of("00000000-0000-0000-0000-000000000000"), db -> {
            // no tenant's rows are visible under the nil tenant; the scope admits the due schedules only
            db.sql("select set_config('app.scope', 'export-scheduler', true)").query(String.class).single();
            return db.sql("select tenant_id, schedule_id from export_schedules where enabled and next_run_at <= ?")
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
        ExportSchedule schedule = find(tenant, scheduleId).orElseThrow();
        Instant next = next(schedule.cron(), zone(schedule.timeZone()), clock.instant());
        return database.inTenant(tenant, db -> db.sql("""
                        update export_schedules set next_run_at = ?, last_run_at = now(), updated_at = now()
                        where tenant_id = ? and schedule_id = ? and enabled and next_run_at <= ?""")
                .params(Timestamp.from(next), tenant.value(), scheduleId, Timestamp.from(clock.instant())).update()) == 1;
    }

    /** Starts the schedule's export over its window ending yesterday (retention follows when it completes). */
    private UUID start(TenantId tenant, ExportSchedule schedule) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), zone(schedule.timeZone()));
        ExportRequest base = schedule.request();
        ExportRequest request = new ExportRequest(base.kind(), base.format(), base.compression(),
                today.minusDays(schedule.windowDays()), today.minusDays(1), base.filters(), base.columns(),
                base.partitionByMonth());
        UUID exportId = exports.start(tenant, request, "schedule:" + schedule.scheduleId(), schedule.scheduleId());
        log.info("export schedule {} of tenant {} started export {}", schedule.scheduleId(), tenant, exportId);
        return exportId;
    }

    static Instant next(String cron, ZoneId zone, Instant after) {
        if (!CronExpression.isValidExpression(cron)) {
            throw new InvalidExportRequestException("not a valid cron expression (six fields, seconds first): " + cron);
        }
        ZonedDateTime next = CronExpression.parse(cron).next(after.atZone(zone));
        if (next == null) {
            throw new InvalidExportRequestException("the cron expression never fires: " + cron);
        }
        return next.toInstant();
    }

    private static ZoneId zone(String timeZone) {
        try {
            return ZoneId.of(timeZone == null || timeZone.isBlank() ? "UTC" : timeZone);
        } catch (DateTimeException e) {
            throw new InvalidExportRequestException("unknown time zone: " + timeZone);
        }
    }

    private static ExportSchedule schedule(ResultSet rs, int row) throws SQLException {
        Timestamp last = rs.getTimestamp(10);
        return new ExportSchedule(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4),
                JSON.readValue(rs.getString(5), ExportRequest.class), rs.getInt(6), rs.getInt(7), rs.getBoolean(8),
                rs.getTimestamp(9).toInstant(), last == null ? null : last.toInstant());
    }

    private record DueSchedule(TenantId tenant, UUID scheduleId) {
    }
}
