package com.meridian.ingest.stream.internal;

import java.time.Instant;

import com.meridian.schemas.events.CategorizedTransaction;

/**
 * A change the de-duplication stage let through: the categorized transaction to store and what it does to usage.
 *
 * @param categorized the transaction with its category; its change type is the effect on the stored row
 *     ({@code ADDED} new, {@code MODIFIED} changed, {@code REMOVED} removed)
 * @param identity the de-duplication identity within the account ({@code id:...} or {@code fp:...})
 * @param meteredAt when the transaction was first counted; a reversal counts in the same periods
 * @param usageDelta +1 for a new transaction, -1 for a removal, 0 for a change
 */
public record Ingested(CategorizedTransaction categorized, String identity, Instant meteredAt, int usageDelta) {
}
