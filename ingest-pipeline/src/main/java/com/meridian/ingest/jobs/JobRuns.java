package com.meridian.ingest.jobs;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.meridian.ingest.jobs.internal.JobRunStore;
import com.meridian.tenancy.TenantId;

/** Reads job runs and their rejected entries back, for the tenant that owns them and no one else. */
public class JobRuns {

    private final JobRunStore store;

    public JobRuns(JobRunStore store) {
        this.store = store;
    }

    public Optional<JobRunView> find(TenantId tenant, UUID jobRun) {
        return store.find(tenant, jobRun);
    }

    /** A page of the run's rejected entries, oldest first. */
    public List<RejectedEntry> rejects(TenantId tenant, UUID jobRun, int limit, long offset) {
        return store.rejects(tenant, jobRun, limit, offset);
    }
}
