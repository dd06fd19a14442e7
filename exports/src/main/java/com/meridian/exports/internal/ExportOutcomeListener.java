package com.meridian.exports.internal;

import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.core.NestedExceptionUtils;

import com.meridian.ingest.jobs.JobRunParameters;
import com.meridian.tenancy.TenantId;

/**
 * Marks an export {@code failed} with the reason when its job does not complete. What it wrote stays where it is:
 * the closed files in staging are what a restart of the job keeps ({@code POST /v1/jobs/{id}/restart}), and
 * nothing of a failed export is ever offered for download. Retention removes them with the export (ad-hoc exports
 * expire, a schedule keeps its newest few).
 */
public final class ExportOutcomeListener implements JobExecutionListener {

    public static final String EXPORT_ID = "exportId";

    private final ExportRecords records;

    public ExportOutcomeListener(ExportRecords records) {
        this.records = records;
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
    }
}
