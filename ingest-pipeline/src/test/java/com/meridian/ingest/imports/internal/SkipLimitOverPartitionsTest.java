package com.meridian.ingest.imports.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.scope.context.StepSynchronizationManager;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.skip.SkipLimitExceededException;

import com.meridian.ingest.jobs.RejectedEntryException;

class SkipLimitOverPartitionsTest {

    private static final RejectedEntryException REJECTED = new RejectedEntryException("line 7", "AMOUNT_INVALID", "no", null);

    private final JobExecution job = new JobExecution(1L, new JobInstance(1L, "statementImport"), new JobParameters());

    @AfterEach
    void leaveTheStep() {
        StepSynchronizationManager.close();
    }

    @Test
    void theSkipsOfThePartitionsAreCountedTogether() {
        // given a limit of 5 and another partition of the upload that skipped 3 entries
        SkipLimitOverPartitions policy = new SkipLimitOverPartitions(5, "stagePartition");
        StepExecution other = step(2, "stagePartition:entries-000");
        other.setProcessSkipCount(3);
        StepSynchronizationManager.register(step(3, "stagePartition:entries-001"));

        // then this partition may skip one more, not two
        assertThat(policy.shouldSkip(REJECTED, 1)).isTrue();
        assertThatThrownBy(() -> policy.shouldSkip(REJECTED, 2)).isInstanceOf(SkipLimitExceededException.class);
        assertThat(policy.shouldSkip(new IllegalStateException("a bug"), 0)).as("only rejected entries").isFalse();
    }

    @Test
    void aStepOnItsOwnHasTheLimitToItself() {
        SkipLimitOverPartitions policy = new SkipLimitOverPartitions(5, "stagePartition");
        step(2, "plan").setProcessSkipCount(3);
        StepSynchronizationManager.register(step(3, "stage"));

        assertThat(policy.shouldSkip(REJECTED, 4)).isTrue();
    }

    private StepExecution step(long id, String name) {
        StepExecution step = new StepExecution(id, name, job);
        job.addStepExecution(step);
        return step;
    }
}
