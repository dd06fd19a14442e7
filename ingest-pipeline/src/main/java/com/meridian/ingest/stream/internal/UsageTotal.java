package com.meridian.ingest.stream.internal;

import java.time.Instant;
import java.util.UUID;

/**
 * One usage counter row: a tenant's quantity of a metric in one period, as {@code usage_counters} holds it.
 * Summed with {@link #plus}, it is the absolute total the sink writes, so writing it twice is harmless.
 *
 * @param periodKind {@code hour} or {@code billing_period}
 */
public record UsageTotal(UUID tenantId, String metric, String periodKind, Instant periodStart, Instant periodEnd,
        long quantity) {

    /** The key of the counter: tenant, metric, kind and start. */
    public String counterKey() {
        return tenantId + "|" + metric + "|" + periodKind + "|" + periodStart;
    }

    /** This counter with {@code other}'s quantity added. */
    public UsageTotal plus(UsageTotal other) {
        return new UsageTotal(tenantId, metric, periodKind, periodStart, periodEnd, quantity + other.quantity);
    }
}
