package com.meridian.ingest.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import com.meridian.ingest.jobs.internal.JobRunStore.ProgressSnapshot;

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
}
