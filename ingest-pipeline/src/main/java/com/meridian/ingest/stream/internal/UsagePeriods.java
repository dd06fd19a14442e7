package com.meridian.ingest.stream.internal;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import com.meridian.schemas.events.UsageEvent;

/**
 * The periods a metered unit counts in, in the tenant's time zone: the hour and the calendar month (the billing
 * period) that contain the instant it was metered. Stored as instants; a month or an hour across a daylight-saving
 * change has its real length.
 */
public final class UsagePeriods {

    static final String HOUR = "hour";
    static final String BILLING_PERIOD = "billing_period";

    private UsagePeriods() {
    }

    /** The billing month of {@code meteredAt} in {@code zone}. */
    public static YearMonth billingPeriod(Instant meteredAt, ZoneId zone) {
        return YearMonth.from(meteredAt.atZone(zone));
    }

    /** The hour and billing-period counters that {@code quantity} units metered at {@code meteredAt} add to. */
    public static List<UsageTotal> counters(UUID tenant, Instant meteredAt, ZoneId zone, long quantity) {
        ZonedDateTime local = meteredAt.atZone(zone);
        ZonedDateTime hour = local.truncatedTo(ChronoUnit.HOURS);
        ZonedDateTime month = billingPeriod(meteredAt, zone).atDay(1).atStartOfDay(zone);
        String metric = UsageEvent.TRANSACTIONS_CATEGORIZED;
        return List.of(
                new UsageTotal(tenant, metric, HOUR, hour.toInstant(), hour.plusHours(1).toInstant(), quantity),
                new UsageTotal(tenant, metric, BILLING_PERIOD, month.toInstant(), month.plusMonths(1).toInstant(),
                        quantity));
    }
}
