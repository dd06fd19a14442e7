package com.meridian.api.usage;

import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.List;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.meridian.api.security.Caller;
import com.meridian.tenancy.TenantDatabase;

/**
 * The tenant's metered usage per billing period (calendar month in the tenant's time zone), as billing will
 * charge it; the current period by default, any past one with {@code ?period=2026-03}.
 */
@RestController
public class UsageController {

    private final TenantDatabase database;

    public UsageController(TenantDatabase database) {
        this.database = database;
    }

    public record Usage(String metric, OffsetDateTime periodStart, OffsetDateTime periodEnd, long quantity,
            OffsetDateTime updatedAt) {
    }

    public record UsageReport(String period, String timeZone, List<Usage> metrics) {
    }

    @GetMapping("/v1/usage")
    public UsageReport usage(@AuthenticationPrincipal Caller caller,
            @RequestParam(required = false) @DateTimeFormat(pattern = "yyyy-MM") YearMonth period) {
        return database.inTenant(caller.tenant(), db -> {
            String zone = db.sql("select time_zone from tenants").query(String.class).single();
            YearMonth month = period != null ? period : YearMonth.now(java.time.ZoneId.of(zone));
            List<Usage> metrics = db.sql("""
                            select metric, period_start, period_end, quantity, updated_at from usage_counters
                            where period_kind = 'billing_period'
                              and period_start = (?::date)::timestamp at time zone ?
                            order by metric""")
                    .params(month.atDay(1), zone)
                    .query((rs, n) -> new Usage(rs.getString(1), rs.getObject(2, OffsetDateTime.class),
                            rs.getObject(3, OffsetDateTime.class), rs.getLong(4), rs.getObject(5, OffsetDateTime.class)))
                    .list();
            return new UsageReport(month.toString(), zone, metrics);
        });
    }
}
