package com.meridian.ingest.imports.internal;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.flow.FlowExecutionStatus;
import org.springframework.batch.core.job.flow.JobExecutionDecider;
import org.springframework.batch.core.step.StepExecution;

/**
 * Sends an import to the partitioned stage when its plan counted the entries for partitions
 * ({@link EntryRangePartitioner#ENTRIES} in the job's execution context), else to the single-threaded one. The
 * decision is read from the saved context, not made again: a restarted run stages the way it started, even if
 * the threshold changed in between.
 */
public class StageInPartitions implements JobExecutionDecider {

    public static final String PARTITIONED = "PARTITIONED";
    public static final String ONE_THREAD = "ONE_THREAD";

    @Override
    public FlowExecutionStatus decide(JobExecution jobExecution, StepExecution stepExecution) {
        return new FlowExecutionStatus(
                jobExecution.getExecutionContext().containsKey(EntryRangePartitioner.ENTRIES) ? PARTITIONED : ONE_THREAD);
    }
}
