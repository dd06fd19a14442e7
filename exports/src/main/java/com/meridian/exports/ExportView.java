package com.meridian.exports;

import java.time.Instant;
import java.util.UUID;

/**
 * One export as its tenant sees it. Progress while it runs (rows done, rate, time left) is in the job run
 * {@code jobRunId} ({@code GET /v1/jobs/{id}}); {@code rowsTotal} is known once the job has measured the data.
 * Files can be downloaded only while {@code status} is {@code completed}; {@code expiresAt} is when retention
 * removes them (null when a schedule keeps them).
 */
public record ExportView(UUID exportId, ExportKind kind, ExportFormat format, ExportCompression compression,
        String status, ExportRequest request, UUID jobRunId, UUID scheduleId, Long rowsTotal, Long rowsWritten,
        Integer files, Long bytes, String error, Instant createdAt, Instant finishedAt, Instant expiresAt) {
}
