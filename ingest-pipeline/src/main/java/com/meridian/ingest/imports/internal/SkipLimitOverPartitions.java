package com.meridian.ingest.imports.internal;

import java.util.Set;

import org.springframework.batch.core.scope.context.StepContext;
import org.springframework.batch.core.scope.context.StepSynchronizationManager;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.skip.LimitCheckingExceptionHierarchySkipPolicy;
import org.springframework.batch.core.step.skip.SkipLimitExceededException;
import org.springframework.batch.core.step.skip.SkipPolicy;

import com.meridian.ingest.jobs.RejectedEntryException;

/**
 * Skips rejected entries up to the import's skip limit counted over the whole upload: Batch counts the skips of
 * each step execution, so the partitions of one upload would each tolerate the limit. Adds the skips the other
 * partitions of the job execution have committed so far (they run in this JVM, their counts are a chunk behind
 * at most) to this partition's own.
 */
public class SkipLimitOverPartitions implements SkipPolicy {

    private final SkipPolicy limit;
    private final String partitionPrefix;

    /** @param partitionStepName the worker step, whose executions are named {@code <name>:<partition>} */
    public SkipLimitOverPartitions(long skipLimit, String partitionStepName) {
        this.limit = new LimitCheckingExceptionHierarchySkipPolicy(Set.of(RejectedEntryException.class), skipLimit);
        this.partitionPrefix = partitionStepName + ":";
    }

    @Override
    public boolean shouldSkip(Throwable failure, long skipCount) throws SkipLimitExceededException {
        return limit.shouldSkip(failure, skipCount + skippedByOtherPartitions());
    }

    private long skippedByOtherPartitions() {
        StepContext context = StepSynchronizationManager.getContext();
        if (context == null) {
            return 0;
        }
        StepExecution current = context.getStepExecution();
        return current.getJobExecution().getStepExecutions().stream()
                .filter(other -> other != current && other.getStepName().startsWith(partitionPrefix))
                .mapToLong(StepExecution::getSkipCount).sum();
    }
}
