package com.meridian.ingest.jobs;

import java.time.Instant;

/** An entry a job run rejected: the input it came from, its position there and the reason. */
public record RejectedEntry(String origin, String entryRef, String stage, String reasonCode, String reason,
        Instant receivedAt) {
}
