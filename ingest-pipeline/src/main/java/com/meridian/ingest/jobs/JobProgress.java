package com.meridian.ingest.jobs;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.ChunkListener;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.scope.context.StepContext;
import org.springframework.batch.core.scope.context.StepSynchronizationManager;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;

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
 */
public class JobProgress {

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

        private static final Logger log = LoggerFactory.getLogger(JobProgress.class);

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
            private Instant lastReport;
            private long reportedRead;
            private long reportedWritten;
            private long reportedSkipped;

            private Execution(StepExecution step, Instant started) {
                this.step = step;
                this.started = started;
                this.lastReport = started;
            }

            private void report() {
                lastReport = clock.instant();
                long skipped = step.getSkipCount() + step.getFilterCount();
                ProgressSnapshot progress = snapshot(step.getReadCount() + step.getReadSkipCount(),
                        step.getWriteCount(), skipped, source.position(), source.total(), source.resumedAt(),
                        Duration.between(started, lastReport));
                TenantId tenant = JobRunParameters.tenant(step.getJobParameters());
                store.progress(tenant, JobRunParameters.jobRun(step.getJobParameters()), progress);
                count(progress);
                log.info("job run {} step {}: read {}, written {}, skipped {}, {}% of the input, {} items/s, about {} s left",
                        JobRunParameters.jobRun(step.getJobParameters()), step.getStepName(), progress.read(),
                        progress.written(), progress.skipped(), progress.percent(), progress.itemsPerSecond(),
                        progress.etaSeconds());
            }

            private void count(ProgressSnapshot progress) {
                String type = JobRunParameters.type(step.getJobParameters()).code();
                meters.counter("meridian.job.items", "job_type", type, "outcome", "read")
                        .increment(progress.read() - reportedRead);
                meters.counter("meridian.job.items", "job_type", type, "outcome", "written")
                        .increment(progress.written() - reportedWritten);
                meters.counter("meridian.job.items", "job_type", type, "outcome", "skipped")
                        .increment(progress.skipped() - reportedSkipped);
                reportedRead = progress.read();
                reportedWritten = progress.written();
                reportedSkipped = progress.skipped();
            }
        }
    }
}
