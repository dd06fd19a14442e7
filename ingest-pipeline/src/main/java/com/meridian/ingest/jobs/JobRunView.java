package com.meridian.ingest.jobs;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * One job run as its tenant sees it. Written items are {@code itemsWritten}, rejected ones {@code itemsSkipped};
 * {@code percent}, {@code itemsPerSecond} and {@code etaSeconds} are null until the job has measured them.
 */
public record JobRunView(UUID jobRunId, String jobType, String status, long itemsRead, long itemsWritten,
        long itemsSkipped, BigDecimal percent, BigDecimal itemsPerSecond, Long etaSeconds, Instant createdAt,
        Instant startedAt, Instant lastProgressAt, Instant finishedAt, String errorSummary) {
}
