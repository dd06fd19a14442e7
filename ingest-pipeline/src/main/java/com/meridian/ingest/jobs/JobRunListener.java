package com.meridian.ingest.jobs;

import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;

import com.meridian.ingest.jobs.internal.JobRunStore;
import com.meridian.tenancy.TenantId;

/**
 * Keeps a {@code job_runs} row in step with its Batch job: {@code running} with the execution id when it starts
 * (again, on restart), then {@code completed}, {@code failed} or {@code stopped} with the failure's messages.
 * Put it on every tenant job.
 */
public class JobRunListener implements JobExecutionListener {

    private static final Logger log = LoggerFactory.getLogger(JobRunListener.class);

    private final JobRunStore store;

    public JobRunListener(JobRunStore store) {
        this.store = store;
    }

    @Override
    public void beforeJob(JobExecution execution) {
        TenantId tenant = JobRunParameters.tenant(execution.getJobParameters());
        store.started(tenant, JobRunParameters.jobRun(execution.getJobParameters()), execution.getId());
        log.info("job run {} ({}) of tenant {} started as Batch execution {}",
                JobRunParameters.jobRun(execution.getJobParameters()), execution.getJobInstance().getJobName(), tenant,
                execution.getId());
    }

    @Override
    public void afterJob(JobExecution execution) {
        TenantId tenant = JobRunParameters.tenant(execution.getJobParameters());
        String status = status(execution.getStatus());
        String errors = execution.getAllFailureExceptions().stream()
                .map(JobRunListener::rootCause)
                .collect(Collectors.joining("; "));
        store.finished(tenant, JobRunParameters.jobRun(execution.getJobParameters()), status,
                errors.isEmpty() ? null : errors);
        log.info("job run {} of tenant {} {}{}", JobRunParameters.jobRun(execution.getJobParameters()), tenant, status,
                errors.isEmpty() ? "" : ": " + errors);
    }

    /** The innermost cause says what went wrong; Batch's wrappers only say where. */
    public static String rootCause(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    }

    private static String status(BatchStatus status) {
        return switch (status) {
            case COMPLETED -> "completed";
            case STOPPED, STOPPING -> "stopped";
            default -> "failed";
        };
    }
}
