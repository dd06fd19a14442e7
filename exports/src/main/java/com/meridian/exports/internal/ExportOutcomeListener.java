package com.meridian.exports.internal;

import java.util.UUID;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.core.NestedExceptionUtils;

import com.meridian.ingest.jobs.JobRunParameters;
import com.meridian.tenancy.TenantId;

/**
 * Marks an export {@code failed} with the reason when its job does not complete, and removes whatever it had
 * staged or begun to publish, so a failed export leaves no files behind.
 */
public final class ExportOutcomeListener implements JobExecutionListener {

    public static final String EXPORT_ID = "exportId";
    private static final Logger log = LoggerFactory.getLogger(ExportOutcomeListener.class);

    private final ExportRecords records;
    private final ExportStore store;
    private final java.nio.file.Path stagingRoot;

    public ExportOutcomeListener(ExportRecords records, ExportStore store, java.nio.file.Path stagingRoot) {
        this.records = records;
        this.store = store;
        this.stagingRoot = stagingRoot;
    }

    /** The failure and, when Batch wrapped it, the cause that says what went wrong. */
    static String describe(Throwable failure) {
        Throwable cause = NestedExceptionUtils.getMostSpecificCause(failure);
        String text = failure.getClass().getSimpleName() + ": " + failure.getMessage();
        return cause == failure ? text : text + " (" + cause.getClass().getSimpleName() + ": " + cause.getMessage() + ")";
    }

    @Override
    public void afterJob(JobExecution execution) {
        if (execution.getStatus() == BatchStatus.COMPLETED) {
            return;
        }
        TenantId tenant = JobRunParameters.tenant(execution.getJobParameters());
        UUID exportId = UUID.fromString(execution.getJobParameters().getString(EXPORT_ID));
        String reason = execution.getAllFailureExceptions().stream().map(ExportOutcomeListener::describe)
                .collect(Collectors.joining("; "));
        records.failed(tenant, exportId, reason.isEmpty() ? execution.getStatus().toString() : reason);
        try {
            store.delete(tenant, exportId);
            ExportRun.deleteRecursively(stagingRoot.resolve(exportId.toString()));
        } catch (Exception e) {
            log.warn("files of failed export {} of tenant {} could not all be removed", exportId, tenant, e);
        }
    }
}
