package com.meridian.ingest.imports.schedule.internal;

import java.util.UUID;

import com.meridian.tenancy.TenantDatabase;
import com.meridian.tenancy.TenantId;

/** The outcome of a scheduled file's import in {@code import_schedule_files}, written when its job ends. */
public final class ScheduledFileRecords {

    private final TenantDatabase database;

    public ScheduledFileRecords(TenantDatabase database) {
        this.database = database;
    }

    /**
     * Settles the file by its job ({@code run}, which the record may not carry yet if the job ended before the
     * schedule noted it); the last job to end decides (a failed one restarted later, and imported).
     *
     * @param reason why it was rejected, or null
     */
    public void settle(TenantId tenant, UUID scheduleId, String fileName, String sha256, UUID run, boolean imported,
            String reason) {
        database.inTenantRun(tenant, db -> db.sql("""
                        update import_schedule_files set status = ?, reason = ?, settled_at = now(), job_run_id = ?
                        where tenant_id = ? and schedule_id = ? and file_name = ? and sha256 = ?
                          and (job_run_id is null or job_run_id = ?)""")
                .params(imported ? "imported" : "rejected", reason, run, tenant.value(), scheduleId, fileName, sha256, run)
                .update());
    }
}
