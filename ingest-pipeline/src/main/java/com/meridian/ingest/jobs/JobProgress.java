package com.meridian.ingest.jobs;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.listener.ChunkListener;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.scope.context.StepContext;
import org.springframework.batch.core.scope.context.StepSynchronizationManager;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ExecutionContext;

import com.meridian.ingest.jobs.internal.JobRunStore;
import com.meridian.ingest.jobs.internal.JobRunStore.ProgressSnapshot;
import com.meridian.tenancy.TenantId;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * Progress of a chunk step: items read, written and skipped, percent of the input, items per second and the
 * estimated time left. At most once per {@link JobsProperties#progressInterval()} (and when the step ends) it is
 * written to the {@code job_runs} row, logged, and added to the counters {@code meridian.job.items}
 * (tags {@code job_type}, {@code outcome} = read, written, skipped).
 *
 * <p>The estimate is the rest of the input at the rate seen so far in this execution: the rate of a restarted
 * step counts only what it did itself.
 *
 * <p>A partitioned step is reported as one: its {@link #partitionedListener} sums the counts and positions of all
 * its partitions (threads of this JVM) into the one {@code job_runs} row, whichever partition's chunk triggers the
 * report, and the manager step's end writes the final sums Batch aggregated.
 */
public class JobProgress {

    private static final Logger log = LoggerFactory.getLogger(JobProgress.class);

    private final JobRunStore store;
    private final MeterRegistry meters;
    private final Duration interval;
    private final Clock clock;

    public JobProgress(JobRunStore store, MeterRegistry meters, JobsProperties properties, Clock clock) {
        this.store = store;
        this.meters = meters;
        this.interval = properties.progressInterval();
        this.clock = clock;
    }

    /** A listener for one step whose reader reports its position through {@code source}. */
    public StepListener listener(ProgressSource source) {
        return new StepListener(source);
    }

    /**
     * A listener for a partitioned step: put it on the manager step and on the worker step, whose executions are
     * named {@code <workerStepName>:<partition>}. {@code positions} reads each partition's share of the input
     * from its execution context, which is safe from any thread and is what a restart resumes from.
     */
    public PartitionedStepListener partitionedListener(String workerStepName, PartitionPositions positions) {
        return new PartitionedStepListener(workerStepName + ":", positions);
    }

    /** Where the partitions of a step stand, in one unit (entries, rows) for all of them. */
    public interface PartitionPositions {

        /** The size of the whole input, partitions finished by an earlier execution of the job included. */
        long total(JobExecution job);

        /** What is left of one partition's share, from its execution context. */
        long remaining(ExecutionContext partition);
    }

    /** Percent done, rate and estimate from counts and positions; pure, so it is tested on its own. */
    static ProgressSnapshot snapshot(long read, long written, long skipped, long position, long total,
            long startPosition, Duration elapsed) {
        BigDecimal percent = total <= 0 ? null
                : BigDecimal.valueOf(Math.min(position, total) * 100L).divide(BigDecimal.valueOf(total), 2, RoundingMode.HALF_UP);
        double seconds = Math.max(elapsed.toMillis(), 1) / 1000.0;
        BigDecimal rate = BigDecimal.valueOf(read / seconds).setScale(2, RoundingMode.HALF_UP);
        Long eta = null;
        long advanced = position - startPosition;
        if (total > 0 && advanced > 0) {
            eta = Math.round((total - Math.min(position, total)) * seconds / advanced);
        }
        return new ProgressSnapshot(read, written, skipped, percent, rate, eta);
    }

    /**
     * Reports the executions of one step; Batch calls it on each execution's thread. One step bean serves every
     * concurrent run of its job (two tenants' imports at once), so the state of each execution is kept apart.
     */
    public final class StepListener implements StepExecutionListener, ChunkListener<Object, Object> {

        private final ProgressSource source;
        private final Map<Long, Execution> executions = new ConcurrentHashMap<>();

        StepListener(ProgressSource source) {
            this.source = source;
        }

        @Override
        public void beforeStep(StepExecution stepExecution) {
            executions.put(stepExecution.getId(), new Execution(stepExecution, clock.instant()));
        }

        @Override
        public void afterChunk(Chunk<Object> chunk) {
            StepContext context = StepSynchronizationManager.getContext();
            Execution execution = context == null ? null : executions.get(context.getStepExecution().getId());
            if (execution != null && Duration.between(execution.lastReport, clock.instant()).compareTo(interval) >= 0) {
                execution.report();
            }
        }

        @Override
        public ExitStatus afterStep(StepExecution stepExecution) {
            Execution execution = executions.remove(stepExecution.getId());
            if (execution != null) {
                execution.report();
            }
            return null;
        }

        /** One execution's clock and what it has already added to the counters. */
        private final class Execution {

            private final StepExecution step;
            private final Instant started;
            private final Counted counted = new Counted();
            private Instant lastReport;

            private Execution(StepExecution step, Instant started) {
                this.step = step;
                this.started = started;
                this.lastReport = started;
            }

            private void report() {
                lastReport = clock.instant();
                ProgressSnapshot progress = snapshot(step.getReadCount() + step.getReadSkipCount(),
                        step.getWriteCount(), step.getSkipCount() + step.getFilterCount(), source.position(),
                        source.total(), source.resumedAt(), Duration.between(started, lastReport));
                publish(step.getJobParameters(), step.getStepName(), progress, counted);
            }
        }
    }

    /**
     * Reports a partitioned step as one, whichever of its partitions' threads calls it: counts are the sums over
     * the partitions of this job execution, the position is the whole input less what the partitions have left.
     * Partitions that completed in an earlier execution of the job are not run again and have nothing left.
     */
    public final class PartitionedStepListener implements StepExecutionListener, ChunkListener<Object, Object> {

        private final String partitionPrefix;
        private final PartitionPositions positions;
        private final Map<Long, Partitioned> executions = new ConcurrentHashMap<>();

        PartitionedStepListener(String partitionPrefix, PartitionPositions positions) {
            this.partitionPrefix = partitionPrefix;
            this.positions = positions;
        }

        @Override
        public void beforeStep(StepExecution stepExecution) {
            Partitioned execution = executions.computeIfAbsent(stepExecution.getJobExecutionId(),
                    id -> new Partitioned(stepExecution.getJobExecution(), clock.instant()));
            if (isPartition(stepExecution)) {
                execution.started(stepExecution);
            } else {
                execution.manager = stepExecution;
            }
        }

        @Override
        public void afterChunk(Chunk<Object> chunk) {
            StepContext context = StepSynchronizationManager.getContext();
            Partitioned execution = context == null ? null
                    : executions.get(context.getStepExecution().getJobExecutionId());
            if (execution != null) {
                execution.reportIfDue();
            }
        }

        @Override
        public ExitStatus afterStep(StepExecution stepExecution) {
            if (!isPartition(stepExecution)) {
                // the manager ends after every partition, with their counts summed by Batch: the final report
                Partitioned execution = executions.remove(stepExecution.getJobExecutionId());
                if (execution != null) {
                    execution.report(stepExecution);
                }
            }
            return null;
        }

        private boolean isPartition(StepExecution stepExecution) {
            return stepExecution.getStepName().startsWith(partitionPrefix);
        }

        /** One job execution's partitioned step: its clock, where each partition started, what was counted. */
        private final class Partitioned {

            private final JobExecution job;
            private final Instant started;
            private final Map<Long, Long> remainingAtStart = new ConcurrentHashMap<>();
            private final Counted counted = new Counted();
            private volatile StepExecution manager;
            private Instant lastReport;

            private Partitioned(JobExecution job, Instant started) {
                this.job = job;
                this.started = started;
                this.lastReport = started;
            }

            private void started(StepExecution partition) {
                remainingAtStart.put(partition.getId(), positions.remaining(partition.getExecutionContext()));
            }

            private synchronized void reportIfDue() {
                if (Duration.between(lastReport, clock.instant()).compareTo(interval) >= 0) {
                    long read = 0;
                    long written = 0;
                    long skipped = 0;
                    for (StepExecution partition : partitions()) {
                        read += partition.getReadCount() + partition.getReadSkipCount();
                        written += partition.getWriteCount();
                        skipped += partition.getSkipCount() + partition.getFilterCount();
                    }
                    report(read, written, skipped);
                }
            }

            private synchronized void report(StepExecution manager) {
                report(manager.getReadCount() + manager.getReadSkipCount(), manager.getWriteCount(),
                        manager.getSkipCount() + manager.getFilterCount());
            }

            private void report(long read, long written, long skipped) {
                lastReport = clock.instant();
                List<StepExecution> partitions = partitions();
                long total = positions.total(job);
                long left = 0;
                long leftAtStart = 0;
                for (StepExecution partition : partitions) {
                    long remaining = positions.remaining(partition.getExecutionContext());
                    left += remaining;
                    leftAtStart += remainingAtStart.getOrDefault(partition.getId(), remaining);
                }
                ProgressSnapshot progress = snapshot(read, written, skipped, total - left, total, total - leftAtStart,
                        Duration.between(started, lastReport));
                String stepName = (manager != null ? manager.getStepName() : partitionPrefix) + " ("
                        + partitions.size() + " partitions)";
                publish(job.getJobParameters(), stepName, progress, counted);
            }

            private List<StepExecution> partitions() {
                return job.getStepExecutions().stream().filter(PartitionedStepListener.this::isPartition).toList();
            }
        }
    }

    /** What one execution has already added to the counters, so each report adds only the difference. */
    private static final class Counted {
        private long read;
        private long written;
        private long skipped;
    }

    /** Writes a snapshot to the run's row, the counters and the log. */
    private void publish(JobParameters parameters, String stepName, ProgressSnapshot progress, Counted counted) {
        TenantId tenant = JobRunParameters.tenant(parameters);
        store.progress(tenant, JobRunParameters.jobRun(parameters), progress);
        String type = JobRunParameters.type(parameters).code();
        meters.counter("meridian.job.items", "job_type", type, "outcome", "read").increment(progress.read() - counted.read);
        meters.counter("meridian.job.items", "job_type", type, "outcome", "written")
                .increment(progress.written() - counted.written);
        meters.counter("meridian.job.items", "job_type", type, "outcome", "skipped")
                .increment(progress.skipped() - counted.skipped);
        counted.read = progress.read();
        counted.written = progress.written();
        counted.skipped = progress.skipped();
        log.info("job run {} step {}: read {}, written {}, skipped {}, {}% of the input, {} items/s, about {} s left",
                JobRunParameters.jobRun(parameters), stepName, progress.read(), progress.written(),
                progress.skipped(), progress.percent(), progress.itemsPerSecond(), progress.etaSeconds());
    }
}
