package com.meridian.ingest.stream.internal;

import java.time.Instant;

import com.meridian.schemas.events.CategorizedTransaction;

/**
 * What the de-duplication store remembers of one transaction identity.
 *
 * @param contentHash the hash of the last version stored, to tell a redelivery from a correction
 * @param removed whether the source removed it; removal is final for an identity
 * @param meteredAt when it was counted for billing (its first arrival), the instant its usage periods derive from
 * @param latest the last version stored with its category, absent when it was removed before it was ever seen
 */
public record KnownTransaction(String contentHash, boolean removed, Instant meteredAt, CategorizedTransaction latest) {
}
