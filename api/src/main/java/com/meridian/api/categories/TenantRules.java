package com.meridian.api.categories;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Service;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import com.meridian.categorizer.rules.RuleBook;
import com.meridian.tenancy.TenantDatabase;
import com.meridian.tenancy.TenantId;

/**
 * A tenant's categorization rules as the API lists them (all of them, enabled or not), cached per tenant.
 *
 * <p>Business rules: read on every rules screen and changed rarely, so each instance keeps a copy per tenant for
 * at most {@link ReferenceCacheProperties#ttl()}. Whoever changes a tenant's rules (creating, deleting, or a
 * correction promoted to a rule) calls {@link #changed(TenantId)} after the change committed: this instance then
 * reads them again at once, both for the listing and for the categorizer's {@link RuleBook}; other instances
 * within the ttl.
 */
@Service
public class TenantRules {

    private static final String SELECT = """
            select rule_id, priority, source, match_field, match_type, pattern, amount_min, amount_max, currency,
                   direction, mcc, account_id, category_code, enabled, created_at
            from category_rules order by priority, created_at, rule_id""";

    private final TenantDatabase database;
    private final RuleBook ruleBook;
    private final LoadingCache<TenantId, List<Rule>> rulesByTenant;

    public TenantRules(TenantDatabase database, RuleBook ruleBook, ReferenceCacheProperties cache) {
        this.database = database;
        this.ruleBook = ruleBook;
        this.rulesByTenant = Caffeine.newBuilder().expireAfterWrite(cache.ttl()).maximumSize(cache.maxTenants())
                .build(this::read);
    }

    public record Rule(UUID ruleId, int priority, String source, String matchField, String matchType, String pattern,
            @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal amountMin,
            @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal amountMax, String currency, String direction,
            String mcc, UUID accountId, String categoryCode, boolean enabled, OffsetDateTime createdAt) {
    }

    /** The tenant's rules in firing order (priority, then age). */
    public List<Rule> list(TenantId tenant) {
        return rulesByTenant.get(tenant);
    }

    /** Call after a change to the tenant's rules committed: this instance forgets every cached copy of them. */
    public void changed(TenantId tenant) {
        rulesByTenant.invalidate(tenant);
        ruleBook.invalidate(tenant);
    }

    private List<Rule> read(TenantId tenant) {
        return List.copyOf(database.inTenant(tenant, db -> db.sql(SELECT)
                .query((rs, n) -> new Rule(rs.getObject(1, UUID.class), rs.getInt(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getBigDecimal(7), rs.getBigDecimal(8), rs.getString(9),
                        rs.getString(10), rs.getString(11), rs.getObject(12, UUID.class), rs.getString(13),
                        rs.getBoolean(14), rs.getObject(15, OffsetDateTime.class)))
                .list()));
    }
}
