package com.meridian.ingest.jobs;

import java.util.UUID;

import org.springframework.batch.core.job.parameters.JobParameters;

import com.meridian.tenancy.TenantId;

/**
 * The job parameters every tenant job carries: which tenant it works for, which {@code job_runs} row it reports
 * to, and where its input came from (a file name, for dead letters). {@link JobRunLauncher} sets them.
 */
public final class JobRunParameters {

    public static final String TENANT_ID = "tenantId";
    public static final String JOB_RUN_ID = "jobRunId";
    public static final String JOB_TYPE = "jobType";
    public static final String ORIGIN = "origin";

    private JobRunParameters() {
    }

    public static TenantId tenant(JobParameters parameters) {
        return new TenantId(UUID.fromString(parameters.getString(TENANT_ID)));
    }

    public static UUID jobRun(JobParameters parameters) {
        return UUID.fromString(parameters.getString(JOB_RUN_ID));
    }

    public static String origin(JobParameters parameters) {
        String origin = parameters.getString(ORIGIN);
        return origin == null ? "unknown" : origin;
    }

    public static JobType type(JobParameters parameters) {
        return JobType.valueOf(parameters.getString(JOB_TYPE));
    }
}
