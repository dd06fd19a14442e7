package com.meridian.ingest.imports.schedule;

import java.time.Instant;
import java.util.UUID;

/**
 * A file an import schedule took, by name and content: {@code importing} while its job runs, then
 * {@code imported} (entries the job refused are in its errors, {@code GET /v1/jobs/{id}/errors}) or
 * {@code rejected} with the reason.
 *
 * @param entriesWritten  entries its job wrote, and
 * @param entriesRejected entries its job refused, as far as the job got
 */
public record ScheduledFile(String fileName, String sha256, long sizeBytes, String status, UUID jobRunId,
        String reason, long entriesWritten, long entriesRejected, Instant takenAt, Instant settledAt) {
}
