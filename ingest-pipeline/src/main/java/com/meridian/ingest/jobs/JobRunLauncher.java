package com.meridian.ingest.jobs;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executor;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;

import com.meridian.ingest.jobs.internal.JobRunStore;
import com.meridian.tenancy.TenantId;

/**
 * Starts a Spring Batch job for one tenant and records it as a {@code job_runs} row, which the tenant reads
 * through the API. The row exists (status {@code queued}) before the job starts, so a caller always gets an id
 * to poll; the job runs asynchronously on this node's job executor.
 *
 * <p>A run that died with its JVM (status still {@code running} in the job repository) is {@link #resume resumed}:
 * its Batch execution is marked failed and restarted, and the job continues from its last committed chunk.
 */
public class JobRunLauncher {

    private static final Logger log = LoggerFactory.getLogger(JobRunLauncher.class);

    private final JobOperator jobOperator;
    private final JobRepository jobRepository;
    private final JobRunStore store;
    private final Executor executor;

    public JobRunLauncher(JobOperator jobOperator, JobRepository jobRepository, JobRunStore store, Executor executor) {
        this.jobOperator = jobOperator;
        this.jobRepository = jobRepository;
        this.store = store;
        this.executor = executor;
    }

    /**
     * Records a run and starts {@code job} with {@code parameters} plus the tenant, the run id and the origin.
     *
     * @return the id of the {@code job_runs} row
     */
    public UUID launch(TenantId tenant, JobType type, Job job, Map<String, String> parameters, String requestedBy) {
        UUID run = store.create(tenant, type, parameters, requestedBy);
        JobParameters batchParameters = batchParameters(tenant, type, run, parameters);
        executor.execute(() -> start(tenant, run, job, batchParameters));
        return run;
    }

    /** Restarts a run that failed, was stopped or died with its JVM; it continues from its last committed chunk. */
    public void resume(TenantId tenant, UUID run) {
        long executionId = store.batchExecutionId(tenant, run)
                .orElseThrow(() -> new IllegalStateException("job run " + run + " never started"));
        JobExecution execution = jobRepository.getJobExecution(executionId);
        if (execution.getStatus() == BatchStatus.STARTED || execution.getStatus() == BatchStatus.STARTING) {
            // nothing runs it any more (its JVM is gone): mark it failed so that Batch lets it restart
            execution = jobOperator.recover(execution);
        }
        JobExecution failed = execution;
        executor.execute(() -> restart(tenant, run, failed));
    }

    private void start(TenantId tenant, UUID run, Job job, JobParameters parameters) {
        try {
            jobOperator.start(job, parameters);
        } catch (Exception e) {
            log.error("job run {} of tenant {} could not start", run, tenant, e);
            store.finished(tenant, run, "failed", "could not start: " + e.getMessage());
        }
    }

    private void restart(TenantId tenant, UUID run, JobExecution execution) {
        try {
            jobOperator.restart(execution);
        } catch (Exception e) {
            log.error("job run {} of tenant {} could not restart", run, tenant, e);
            store.finished(tenant, run, "failed", "could not restart: " + e.getMessage());
        }
    }

    private static JobParameters batchParameters(TenantId tenant, JobType type, UUID run, Map<String, String> parameters) {
        Map<String, String> all = new LinkedHashMap<>(parameters);
        all.put(JobRunParameters.TENANT_ID, tenant.toString());
        all.put(JobRunParameters.JOB_RUN_ID, run.toString());
        all.put(JobRunParameters.JOB_TYPE, type.name());
        JobParametersBuilder builder = new JobParametersBuilder();
        all.forEach(builder::addString);
        return builder.toJobParameters();
    }
}
