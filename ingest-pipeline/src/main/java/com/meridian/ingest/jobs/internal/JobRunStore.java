package com.meridian.ingest.jobs.internal;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import com.meridian.ingest.jobs.JobRunView;
import com.meridian.ingest.jobs.JobType;
import com.meridian.ingest.jobs.RejectedEntry;
import com.meridian.tenancy.TenantDatabase;
import com.meridian.tenancy.TenantId;

/** SQL over {@code job_runs} and the job's rows of {@code dead_letters}, always inside the tenant's scope. */
public class JobRunStore {

    private final TenantDatabase database;
    private final TransactionTemplate independent;

    public JobRunStore(TenantDatabase database, PlatformTransactionManager transactionManager) {
        this.database = database;
        this.independent = new TransactionTemplate(transactionManager);
        this.independent.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    public UUID create(TenantId tenant, JobType type, Map<String, String> parameters, String requestedBy) {
        String[] keys = parameters.keySet().toArray(String[]::new);
        String[] values = parameters.values().toArray(String[]::new);
        return database.inTenant(tenant, sql -> sql.sql("""
                insert into job_runs (tenant_id, job_type, parameters, requested_by)
                values (?, ?, jsonb_object(?::text[], ?::text[]), ?) returning job_run_id""")
                .params(tenant.value(), type.code(), keys, values, requestedBy).query(UUID.class).single());
    }

    public void started(TenantId tenant, UUID run, long batchExecutionId) {
        database.inTenantRun(tenant, sql -> sql.sql("""
                update job_runs set status = 'running', batch_job_execution_id = ?, error_summary = null,
                       started_at = coalesce(started_at, now()), finished_at = null
                where job_run_id = ?""").params(batchExecutionId, run).update());
    }

    public void finished(TenantId tenant, UUID run, String status, String errorSummary) {
        database.inTenantRun(tenant, sql -> sql.sql("""
                update job_runs set status = ?, error_summary = ?, finished_at = now(),
                       eta_seconds = case when ? = 'completed' then 0 else eta_seconds end,
                       progress_percent = case when ? = 'completed' then 100 else progress_percent end
                where job_run_id = ?""").params(status, errorSummary, status, status, run).update());
    }

    public void progress(TenantId tenant, UUID run, ProgressSnapshot progress) {
        database.inTenantRun(tenant, sql -> sql.sql("""
                update job_runs set items_read = ?, items_done = ?, items_failed = ?, progress_percent = ?,
                       items_per_second = ?, eta_seconds = ?, last_progress_at = now()
                where job_run_id = ?""")
                .params(progress.read(), progress.written(), progress.skipped(), progress.percent(),
                        progress.itemsPerSecond(), progress.etaSeconds(), run)
                .update());
    }

    public Optional<Long> batchExecutionId(TenantId tenant, UUID run) {
        return database.inTenant(tenant, sql -> sql.sql(
                "select batch_job_execution_id from job_runs where job_run_id = ? and batch_job_execution_id is not null")
                .param(run).query(Long.class).optional());
    }

    public void reject(TenantId tenant, UUID run, String origin, String entryRef, String stage, String reasonCode,
            String reason, byte[] payload) {
        // one id per run and entry: a chunk replayed after a crash records its rejects once
        UUID id = UUID.nameUUIDFromBytes((run + "|" + stage + "|" + entryRef).getBytes(StandardCharsets.UTF_8));
        database.inTenantRun(tenant, sql -> sql.sql("""
                insert into dead_letters (tenant_id, dead_letter_id, source, origin, entry_ref, stage, reason_code,
                                          reason, payload, job_run_id)
                values (?, ?, 'file', ?, ?, ?, ?, ?, ?, ?) on conflict do nothing""")
                .params(tenant.value(), id, origin, entryRef, stage, reasonCode, reason, payload, run).update());
    }

    /** Like {@link #reject}, but committed on its own: the failure that it records rolls the caller back. */
    public void rejectIndependently(TenantId tenant, UUID run, String origin, String entryRef, String stage,
            String reasonCode, String reason) {
        independent.executeWithoutResult(status -> reject(tenant, run, origin, entryRef, stage, reasonCode, reason, null));
    }

    public Optional<JobRunView> find(TenantId tenant, UUID run) {
        return database.inTenant(tenant, sql -> sql.sql("""
                select job_run_id, job_type, status, items_read, items_done, items_failed, progress_percent,
                       items_per_second, eta_seconds, created_at, started_at, last_progress_at, finished_at,
                       error_summary
                from job_runs where job_run_id = ?""").param(run).query(JobRunStore::view).optional());
    }

    public List<RejectedEntry> rejects(TenantId tenant, UUID run, int limit, long offset) {
        return database.inTenant(tenant, sql -> sql.sql("""
                select origin, entry_ref, stage, reason_code, reason, received_at from dead_letters
                where job_run_id = ? order by received_at, entry_ref limit ? offset ?""")
                .params(run, limit, offset)
                .query((rs, n) -> new RejectedEntry(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), instant(rs.getTimestamp(6))))
                .list());
    }

    private static JobRunView view(ResultSet rs, int n) throws SQLException {
        long etaValue = rs.getLong("eta_seconds");
        Long eta = rs.wasNull() ? null : etaValue;
        return new JobRunView(rs.getObject("job_run_id", UUID.class), rs.getString("job_type"), rs.getString("status"),
                rs.getLong("items_read"), rs.getLong("items_done"), rs.getLong("items_failed"),
                rs.getBigDecimal("progress_percent"), rs.getBigDecimal("items_per_second"),
                eta, instant(rs.getTimestamp("created_at")),
                instant(rs.getTimestamp("started_at")), instant(rs.getTimestamp("last_progress_at")),
                instant(rs.getTimestamp("finished_at")), rs.getString("error_summary"));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    /** What a step reports at one moment; percent, rate and eta are null while unknown. */
    public record ProgressSnapshot(long read, long written, long skipped, BigDecimal percent,
            BigDecimal itemsPerSecond, Long etaSeconds) {
    }
}
