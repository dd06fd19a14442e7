package com.meridian.schemas.events;

import static com.meridian.schemas.events.Checks.check;
import static com.meridian.schemas.events.Checks.required;

import java.time.Instant;
import java.time.YearMonth;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * One metered unit of a tenant's usage: the value of {@code meridian.usage.events.v1}, keyed by {@link #key()}, the
 * tenant id (schema {@code events/usage-event.v1.schema.json}).
 *
 * <p>Business rules:
 * <ul>
 *   <li>Usage is the sum of {@code quantity} per tenant, metric and billing period; a reversal is a negative
 *       quantity (a removed transaction is {@code -1} of {@link #TRANSACTIONS_CATEGORIZED}), never a deletion.</li>
 *   <li>{@code eventId} is derived deterministically from what is metered (for example a name-based UUID of the
 *       fingerprint and change), so a replayed input yields the same id and billing counts it once.</li>
 *   <li>{@code billingPeriod} is the month the quantity counts in, chosen by the metering pipeline; a reversal may
 *       count in a later period than the unit it reverses.</li>
 * </ul>
 *
 * @param schemaVersion always 1 on this contract
 * @param eventId the idempotency id of this usage event
 * @param tenantId the tenant billed
 * @param metric what is counted: lower-case dotted name, for example {@link #TRANSACTIONS_CATEGORIZED}
 * @param quantity the signed, non-zero count
 * @param eventTime when the metered thing happened
 * @param billingPeriod the month the quantity counts in
 * @param subjectId what was metered (for transactions, the fingerprint), if any
 */
public record UsageEvent(
        int schemaVersion,
        UUID eventId,
        UUID tenantId,
        String metric,
        long quantity,
        Instant eventTime,
        YearMonth billingPeriod,
        String subjectId) {

    /** Metric of transactions categorized: +1 per transaction categorized, -1 per transaction removed. */
    public static final String TRANSACTIONS_CATEGORIZED = "transactions.categorized";

    private static final Pattern METRIC = Pattern.compile("[a-z][a-z0-9_]*(\\.[a-z0-9_]+)*");

    public UsageEvent {
        Checks.schemaVersion(schemaVersion);
        required(eventId, "eventId");
        required(tenantId, "tenantId");
        required(metric, "metric");
        Checks.matches(metric, METRIC, "metric");
        check(quantity != 0, "quantity must not be 0");
        required(eventTime, "eventTime");
        required(billingPeriod, "billingPeriod");
    }

    /** The Kafka key: the tenant billed. */
    public UUID key() {
        return tenantId;
    }
}
