package com.meridian.exports;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.batch.core.job.Job;
import org.springframework.core.io.Resource;

import com.meridian.exports.internal.ExportOutcomeListener;
import com.meridian.exports.internal.ExportRecords;
import com.meridian.exports.internal.ExportStore;
import com.meridian.exports.internal.Retention;
import com.meridian.ingest.jobs.JobRunLauncher;
import com.meridian.ingest.jobs.JobType;
import com.meridian.tenancy.TenantId;

/**
 * Analyst exports of one tenant: start one (it runs as a Batch job, followed through its job run), list and
 * read them, open their files, delete them. Every method takes the tenant; an export id of another tenant is
 * simply not found. Files are offered only once the export is completed. Ad-hoc exports expire after
 * {@link ExportsProperties#retention()}; a schedule's exports are kept by number instead ({@code keep_last}). What
 * retention no longer keeps is removed when the tenant next starts an export, and in any case by the
 * {@link ExportRetentionSweeper}, which visits every tenant.
 */
public class Exports {

    private final ExportRecords records;
    private final ExportStore store;
    private final Retention retention;
    private final JobRunLauncher launcher;
    private final Job job;
    private final ExportsProperties properties;
    private final Clock clock;

    public Exports(ExportRecords records, ExportStore store, Retention retention, JobRunLauncher launcher,
            Job analystExportJob, ExportsProperties properties, Clock clock) {
        this.records = records;
        this.store = store;
        this.retention = retention;
        this.launcher = launcher;
        this.job = analystExportJob;
        this.properties = properties;
        this.clock = clock;
    }

    /** Records the export and starts its job; returns at once with the export's id. */
    public UUID start(TenantId tenant, ExportRequest request, String requestedBy) {
        return start(tenant, request, requestedBy, null);
    }

    UUID start(TenantId tenant, ExportRequest request, String requestedBy, UUID scheduleId) {
        UUID exportId = UUID.randomUUID();
        records.create(tenant, exportId, request, requestedBy, scheduleId,
                scheduleId == null ? clock.instant().plus(properties.retention()) : null);
        UUID run = launcher.launch(tenant, JobType.EXPORT, job,
                Map.of(ExportOutcomeListener.EXPORT_ID, exportId.toString()), requestedBy);
        records.attachRun(tenant, exportId, run);
        // expired exports of this tenant go whenever it starts a new one
        retention.apply(tenant, scheduleId);
        return exportId;
    }

    public Optional<ExportView> find(TenantId tenant, UUID exportId) {
        return records.find(tenant, exportId);
    }

    public List<ExportView> list(TenantId tenant, int limit) {
        return records.list(tenant, Math.max(1, Math.min(limit, 500)));
    }

    /** A file of a completed export ({@code manifest.json} or a path the manifest lists). */
    public Optional<Resource> file(TenantId tenant, UUID exportId, String path) {
        return find(tenant, exportId)
                .filter(export -> "completed".equals(export.status()))
                .flatMap(export -> store.open(tenant, exportId, path));
    }

    /** Where a completed export's files are, for operators (a folder or an {@code s3://} prefix). */
    public String location(TenantId tenant, UUID exportId) {
        return store.location(tenant, exportId);
    }

    /** Deletes the export's files and marks it deleted; false when there is no such export. */
    public boolean delete(TenantId tenant, UUID exportId) {
        return retention.delete(tenant, exportId);
    }

}
