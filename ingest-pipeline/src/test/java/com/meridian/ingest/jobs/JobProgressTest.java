package com.meridian.ingest.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.listener.ChunkListener;
import org.springframework.batch.core.scope.context.StepSynchronizationManager;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ExecutionContext;

import com.meridian.ingest.jobs.internal.JobRunStore;
import com.meridian.ingest.jobs.internal.JobRunStore.ProgressSnapshot;
import com.meridian.tenancy.TenantId;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

class JobProgressTest {

    @Test
    void percentRateAndEstimateComeFromThePositionAndTheElapsedTime() {
        // given 250 of 1000 bytes read in 5 seconds, 500 items
        ProgressSnapshot progress = JobProgress.snapshot(500, 490, 10, 250, 1000, 0, Duration.ofSeconds(5));

        // then
        assertThat(progress.percent()).isEqualByComparingTo("25.00");
        assertThat(progress.itemsPerSecond()).isEqualByComparingTo("100.00");
        assertThat(progress.etaSeconds()).isEqualTo(15L);
        assertThat(progress.skipped()).isEqualTo(10);
    }

    @Test
    void aRestartedStepEstimatesFromWhatItDidItself() {
        // given a restart at byte 800 that read on to 900 in 10 seconds
        ProgressSnapshot progress = JobProgress.snapshot(50, 50, 0, 900, 1000, 800, Duration.ofSeconds(10));

        // then the remaining 100 bytes take another 10 seconds
        assertThat(progress.etaSeconds()).isEqualTo(10L);
        assertThat(progress.percent()).isEqualByComparingTo(new BigDecimal("90.00"));
    }

    @Test
    void anUnknownTotalLeavesPercentAndEstimateOpen() {
        ProgressSnapshot progress = JobProgress.snapshot(10, 10, 0, 100, 0, 0, Duration.ofSeconds(1));

        assertThat(progress.percent()).isNull();
        assertThat(progress.etaSeconds()).isNull();
        assertThat(progress.itemsPerSecond()).isEqualByComparingTo("10.00");
    }

    @Test
    void twoConcurrentExecutionsOfOneStepAreReportedApart() {
        // given one listener (one step bean) and two runs of its job, interleaved as two threads would run them
        List<String> reports = new ArrayList<>();
        JobRunStore store = new JobRunStore(null, null) {
            @Override
            public void progress(TenantId tenant, UUID run, ProgressSnapshot progress) {
                reports.add(run + " read " + progress.read());
            }
        };
        JobProgress progress = new JobProgress(store, new SimpleMeterRegistry(), new JobsProperties(2, Duration.ZERO),
                Clock.systemUTC());
        ProgressSource source = new ProgressSource() {
            public long position() { return 0; }
            public long resumedAt() { return 0; }
            public long total() { return 0; }
        };
        JobProgress.StepListener listener = progress.listener(source);
        StepExecution first = execution(1);
        StepExecution second = execution(2);

        // when both start, each reads, and each reports after its chunk
        listener.beforeStep(first);
        listener.beforeStep(second);
        first.setReadCount(10);
        second.setReadCount(3);
        afterChunkOn(listener, second);
        afterChunkOn(listener, first);
        listener.afterStep(first);
        listener.afterStep(second);

        // then every report carries its own run's count
        assertThat(reports).containsExactly(run(2) + " read 3", run(1) + " read 10", run(1) + " read 10",
                run(2) + " read 3");
    }

    @Test
    void aPartitionedStepIsReportedAsTheSumOfItsPartitions() {
        // given a step over 1,000 entries in two partitions, the second resumed at entry 700 of its 500..1000
        List<ProgressSnapshot> reports = new ArrayList<>();
        JobRunStore store = new JobRunStore(null, null) {
            @Override
            public void progress(TenantId tenant, UUID run, ProgressSnapshot progress) {
                reports.add(progress);
            }
        };
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        JobProgress progress = new JobProgress(store, meters, new JobsProperties(2, Duration.ZERO), Clock.systemUTC());
        JobProgress.PartitionedStepListener listener = progress.partitionedListener("part", new JobProgress.PartitionPositions() {
            public long total(JobExecution job) { return job.getExecutionContext().getLong("entries"); }
            public long remaining(ExecutionContext partition) { return partition.getLong("end") - partition.getLong("next"); }
        });
        StepExecution manager = execution(1);
        JobExecution job = manager.getJobExecution();
        job.getExecutionContext().putLong("entries", 1000);
        StepExecution first = partition(job, 2, "part:0", 0, 500);
        StepExecution second = partition(job, 3, "part:1", 700, 1000);

        // when both partitions start, read on, and a chunk of the first ends
        listener.beforeStep(manager);
        listener.beforeStep(first);
        listener.beforeStep(second);
        first.setReadCount(300);
        first.getExecutionContext().putLong("next", 300);
        second.setReadCount(100);
        second.setWriteCount(99);
        second.setProcessSkipCount(1);
        second.getExecutionContext().putLong("next", 800);
        afterChunkOn(listener, first);

        // and the manager ends with the counts Batch summed
        first.getExecutionContext().putLong("next", 500);
        second.getExecutionContext().putLong("next", 1000);
        manager.setReadCount(800);
        manager.setWriteCount(799);
        manager.setProcessSkipCount(1);
        listener.afterStep(manager);

        // then the first report sums both partitions: 400 of the 800 entries this execution had left are done
        assertThat(reports).hasSize(2);
        assertThat(reports.get(0).read()).isEqualTo(400);
        assertThat(reports.get(0).written()).isEqualTo(99);
        assertThat(reports.get(0).skipped()).isEqualTo(1);
        assertThat(reports.get(0).percent()).isEqualByComparingTo("60.00");
        assertThat(reports.get(1).read()).isEqualTo(800);
        assertThat(reports.get(1).percent()).isEqualByComparingTo("100.00");
        assertThat(meters.counter("meridian.job.items", "job_type", JobType.STATEMENT_IMPORT.code(), "outcome", "read")
                .count()).as("each report adds what is new").isEqualTo(800.0);
    }

    private static StepExecution partition(JobExecution job, long id, String name, long next, long end) {
        StepExecution partition = new StepExecution(id, name, job);
        partition.getExecutionContext().putLong("next", next);
        partition.getExecutionContext().putLong("end", end);
        job.addStepExecution(partition);
        return partition;
    }

    private static void afterChunkOn(ChunkListener<Object, Object> listener, StepExecution step) {
        StepSynchronizationManager.register(step);
        try {
            listener.afterChunk(new Chunk<>());
        } finally {
            StepSynchronizationManager.close();
        }
    }

    private static StepExecution execution(long id) {
        JobParameters parameters = new JobParametersBuilder()
                .addString(JobRunParameters.TENANT_ID, UUID.randomUUID().toString())
                .addString(JobRunParameters.JOB_RUN_ID, run(id).toString())
                .addString(JobRunParameters.JOB_TYPE, JobType.STATEMENT_IMPORT.name()).toJobParameters();
        JobExecution job = new JobExecution(id, new JobInstance(id, "statementImport"), parameters);
        return new StepExecution(id, "stage", job);
    }

    private static UUID run(long id) {
        return new UUID(0, id);
    }
}
