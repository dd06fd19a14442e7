package com.meridian.exports.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import com.meridian.exports.ExportCompression;
import com.meridian.exports.ExportFormat;
import com.meridian.exports.ExportKind;
import com.meridian.exports.ExportManifest;
import com.meridian.exports.ExportRequest;
import com.meridian.exports.ExportView;
import com.meridian.tenancy.TenantDatabase;
import com.meridian.tenancy.TenantId;

import tools.jackson.databind.json.JsonMapper;

/** The {@code exports} table, always inside the export's tenant. */
public final class ExportRecords {

    static final JsonMapper JSON = JsonMapper.builder().build();

    private static final String VIEW = """
            select export_id, kind, format, compression, status, request::text, job_run_id, schedule_id, rows_total,
                   rows_written, files, bytes, error, created_at, finished_at, expires_at from exports""";

    private final TenantDatabase database;

    public ExportRecords(TenantDatabase database) {
        this.database = database;
    }

    public void create(TenantId tenant, UUID exportId, ExportRequest request, String requestedBy, UUID scheduleId,
            Instant expiresAt) {
        database.inTenantRun(tenant, db -> db.sql("""
                        insert into exports (tenant_id, export_id, kind, format, compression, request, requested_by,
                                             schedule_id, expires_at)
                        values (?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?)""")
                .params(tenant.value(), exportId, code(request.kind()), code(request.format()), code(request.compression()),
                        JSON.writeValueAsString(request), requestedBy, scheduleId, timestamp(expiresAt))
                .update());
    }

    public void attachRun(TenantId tenant, UUID exportId, UUID jobRunId) {
        update(tenant, exportId, "job_run_id = ?", jobRunId);
    }

    /** Marks the export running (again, when its job restarts); refuses an export that was deleted meanwhile. */
    public void running(TenantId tenant, UUID exportId, long rowsTotal) {
        int updated = database.inTenant(tenant, db -> db.sql("""
                        update exports set status = 'running', rows_total = ?, error = null, finished_at = null
                        where tenant_id = ? and export_id = ? and status <> 'deleted'""")
                .params(rowsTotal, tenant.value(), exportId).update());
        if (updated != 1) {
            throw new IllegalStateException("export " + exportId + " was deleted; it does not run again");
        }
    }

    public void completed(TenantId tenant, UUID exportId, ExportManifest manifest) {
        long bytes = manifest.files().stream().mapToLong(ExportManifest.File::bytes).sum();
        database.inTenantRun(tenant, db -> db.sql("""
                        update exports set status = 'completed', manifest = ?::jsonb, rows_written = ?, files = ?, bytes = ?,
                                           finished_at = now()
                        where tenant_id = ? and export_id = ?""")
                .params(JSON.writeValueAsString(manifest), manifest.rows(), manifest.files().size(), bytes, tenant.value(),
                        exportId)
                .update());
    }

    public void failed(TenantId tenant, UUID exportId, String error) {
        database.inTenantRun(tenant, db -> db.sql("""
                        update exports set status = 'failed', error = ?, finished_at = now()
                        where tenant_id = ? and export_id = ? and status in ('queued', 'running')""")
                .params(error, tenant.value(), exportId).update());
    }

    /** Marks the export deleted; false when there is no such (undeleted) export. */
    public boolean deleted(TenantId tenant, UUID exportId) {
        return database.inTenant(tenant, db -> db.sql("""
                        update exports set status = 'deleted', deleted_at = now()
                        where tenant_id = ? and export_id = ? and status <> 'deleted'""")
                .params(tenant.value(), exportId).update()) == 1;
    }

    /**
     * Marks a completed or failed export deleted because retention no longer keeps it, and records that in the
     * tenant's audit log in the same transaction; false when it is gone already or running again.
     */
    public boolean expired(TenantId tenant, UUID exportId, String reason) {
        return database.inTenant(tenant, db -> {
            boolean marked = db.sql("""
                            update exports set status = 'deleted', deleted_at = now()
                            where tenant_id = ? and export_id = ? and status in ('completed', 'failed')""")
                    .params(tenant.value(), exportId).update() == 1;
            if (marked) {
                SystemAudit.record(db, tenant, "export.expired", exportId, reason);
            }
            return marked;
        });
    }

    /** Removes the row of a deleted export, with an audit entry; false when there is no such deleted export. */
    public boolean purged(TenantId tenant, UUID exportId) {
        return database.inTenant(tenant, db -> {
            boolean removed = db.sql("delete from exports where tenant_id = ? and export_id = ? and status = 'deleted'")
                    .params(tenant.value(), exportId).update() == 1;
            if (removed) {
                SystemAudit.record(db, tenant, "export.purged", exportId, "deleted and past the grace period");
            }
            return removed;
        });
    }

    public ExportRequest request(TenantId tenant, UUID exportId) {
        return database.inTenant(tenant, db -> db.sql("select request::text from exports where tenant_id = ? and export_id = ?")
                .params(tenant.value(), exportId).query(String.class).optional())
                .map(json -> JSON.readValue(json, ExportRequest.class))
                .orElseThrow(() -> new IllegalStateException("export " + exportId + " does not exist"));
    }

    public Optional<ExportView> find(TenantId tenant, UUID exportId) {
        return database.inTenant(tenant, db -> db.sql(VIEW + " where tenant_id = ? and export_id = ?")
                .params(tenant.value(), exportId).query(ExportRecords::view).optional());
    }

    /** The tenant's exports, newest first, deleted ones left out. */
    public List<ExportView> list(TenantId tenant, int limit) {
        return database.inTenant(tenant, db -> db.sql(VIEW + " where tenant_id = ? and status <> 'deleted' order by created_at desc limit ?")
                .params(tenant.value(), limit).query(ExportRecords::view).list());
    }

    /**
     * What retention removes: exports of the schedule beyond its newest {@code keep_last} completed ones
     * (failed ones too, once that many newer exports completed), and any export past its expiry.
     */
    public List<UUID> dueForRemoval(TenantId tenant, UUID scheduleId) {
        return database.inTenant(tenant, db -> db.sql("""
                        select export_id from (
                            select e.export_id, e.status, s.keep_last,
                                   count(*) filter (where e.status = 'completed')
                                       over (order by e.created_at desc rows between unbounded preceding and current row) as newer_completed
                            from exports e join export_schedules s on s.tenant_id = e.tenant_id and s.schedule_id = e.schedule_id
                            where e.tenant_id = ? and e.schedule_id = ? and e.status in ('completed', 'failed')) ranked
                        where (status = 'completed' and newer_completed > keep_last) or (status = 'failed' and newer_completed >= keep_last)
                        union
                        select export_id from exports where tenant_id = ? and status in ('completed', 'failed') and expires_at < now()""")
                .params(tenant.value(), scheduleId, tenant.value()).query(UUID.class).list());
    }

    /** The schedule that made the export, if one did. */
    public Optional<UUID> scheduleOf(TenantId tenant, UUID exportId) {
        return database.inTenant(tenant, db -> db.sql("select schedule_id from exports where tenant_id = ? and export_id = ?")
                .params(tenant.value(), exportId).query(UUID.class).optional());
    }

    private void update(TenantId tenant, UUID exportId, String set, Object value) {
        database.inTenantRun(tenant, db -> db.sql("update exports set " + set + " where tenant_id = ? and export_id = ?")
                .params(value, tenant.value(), exportId).update());
    }

    private static ExportView view(ResultSet rs, int row) throws SQLException {
        return new ExportView(rs.getObject(1, UUID.class), ExportKind.valueOf(upper(rs.getString(2))),
                ExportFormat.valueOf(upper(rs.getString(3))), ExportCompression.valueOf(upper(rs.getString(4))),
                rs.getString(5), JSON.readValue(rs.getString(6), ExportRequest.class), rs.getObject(7, UUID.class),
                rs.getObject(8, UUID.class), (Long) rs.getObject(9), (Long) rs.getObject(10), (Integer) rs.getObject(11),
                (Long) rs.getObject(12), rs.getString(13), instant(rs.getTimestamp(14)), instant(rs.getTimestamp(15)),
                instant(rs.getTimestamp(16)));
    }

    static String code(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }

    private static String upper(String code) {
        return code.toUpperCase(Locale.ROOT);
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
