package com.meridian.ingest.stream;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;

import com.meridian.schemas.events.UsageEvent;
import com.meridian.tenancy.TenantDatabase;
import com.meridian.tenancy.TenantId;

/**
 * Proves that what a tenant is billed for equals what is stored: for a billing period (a calendar month in the
 * tenant's time zone), the {@code transactions.categorized} counter in {@code usage_counters} must equal the
 * number of the tenant's transactions metered in that period and not removed. Both are read in one transaction
 * in the tenant's scope, so they are one consistent snapshot.
 */
public final class UsageReconciliation {

    private static final String RECONCILE = """
            select
                coalesce((select quantity from usage_counters where tenant_id = :tenant and metric = :metric
                          and period_kind = 'billing_period' and period_start = :start), 0) as billed,
                (select count(*) from transactions where tenant_id = :tenant and status <> 'removed'
                          and metered_at >= :start and metered_at < :end) as stored
            """;

    private final TenantDatabase database;

    public UsageReconciliation(TenantDatabase database) {
        this.database = database;
    }

    /** Billed and stored transactions of {@code tenant} in {@code period}. */
    public Result reconcile(TenantId tenant, YearMonth period) {
        return database.inTenant(tenant, jdbc -> {
            ZoneId zone = ZoneId.of(jdbc.sql("select time_zone from tenants where tenant_id = ?")
                    .param(tenant.value()).query(String.class).single());
            Instant start = period.atDay(1).atStartOfDay(zone).toInstant();
            Instant end = period.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant();
            return jdbc.sql(RECONCILE).param("tenant", tenant.value()).param("metric", UsageEvent.TRANSACTIONS_CATEGORIZED)
                    .param("start", java.sql.Timestamp.from(start)).param("end", java.sql.Timestamp.from(end))
                    .query((rs, row) -> new Result(tenant, period, rs.getLong("billed"), rs.getLong("stored")))
                    .single();
        });
    }

    /**
     * One tenant's billing period, reconciled.
     *
     * @param billed the usage counter
     * @param stored the transactions stored, metered in the period and not removed
     */
    public record Result(TenantId tenant, YearMonth period, long billed, long stored) {

        /** Whether billing matches storage. */
        public boolean matches() {
            return billed == stored;
        }
    }
}
