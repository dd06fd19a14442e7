package com.meridian.ingest.jobs;

import java.nio.charset.StandardCharsets;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.listener.SkipListener;
import org.springframework.batch.core.scope.context.StepSynchronizationManager;
import org.springframework.batch.core.job.parameters.JobParameters;

import com.meridian.ingest.jobs.internal.JobRunStore;

/**
 * Records every entry a step skips in {@code dead_letters}: the input it came from, its position, the stage
 * (read, process, write), a reason code and the reason, and the entry as read. A {@link RejectedEntryException}
 * brings its own position and reason; anything else is recorded under {@code UNEXPECTED} with its message.
 * Put it on every fault-tolerant step of a tenant job, next to a skip limit.
 */
public class RejectedEntryRecorder implements SkipListener<Object, Object> {

    private static final Logger log = LoggerFactory.getLogger(RejectedEntryRecorder.class);

    private final JobRunStore store;

    public RejectedEntryRecorder(JobRunStore store) {
        this.store = store;
    }

    @Override
    public void onSkipInRead(Throwable failure) {
        record("read", null, failure);
    }

    @Override
    public void onSkipInProcess(Object item, Throwable failure) {
        record("process", item, failure);
    }

    @Override
    public void onSkipInWrite(Object item, Throwable failure) {
        record("write", item, failure);
    }

    /**
     * Records input the step cannot read on at all (a file in an unknown format, XML that breaks off), before the
     * step fails with it: {@code entryRef} says how far it got.
     */
    public void recordUnreadable(String entryRef, String reasonCode, String reason) {
        JobParameters parameters = StepSynchronizationManager.getContext().getStepExecution().getJobParameters();
        store.rejectIndependently(JobRunParameters.tenant(parameters), JobRunParameters.jobRun(parameters),
                JobRunParameters.origin(parameters), entryRef, "read", reasonCode, reason);
    }

    private void record(String stage, Object item, Throwable failure) {
        JobParameters parameters = StepSynchronizationManager.getContext().getStepExecution().getJobParameters();
        String origin = JobRunParameters.origin(parameters);
        if (failure instanceof RejectedEntryException rejected) {
            store.reject(JobRunParameters.tenant(parameters), JobRunParameters.jobRun(parameters), origin,
                    rejected.entryRef(), stage, rejected.reasonCode(), rejected.reason(), bytes(rejected.payload()));
        } else {
            String entry = item == null ? "unknown" : item.toString();
            store.reject(JobRunParameters.tenant(parameters), JobRunParameters.jobRun(parameters), origin,
                    entry, stage, "UNEXPECTED", String.valueOf(failure), null);
        }
        log.warn("job run {}: rejected an entry of {} at {}: {}", JobRunParameters.jobRun(parameters), origin, stage,
                failure.getMessage());
    }

    private static byte[] bytes(String payload) {
        return payload == null ? null : payload.getBytes(StandardCharsets.UTF_8);
    }
}
