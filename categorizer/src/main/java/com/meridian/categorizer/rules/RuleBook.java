package com.meridian.categorizer.rules;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import com.meridian.categorizer.CategorizationInput;
import com.meridian.tenancy.TenantId;

/**
 * A tenant's enabled rules in firing order, read from {@code category_rules} through the tenant's own
 * row-level-security scope and cached per tenant.
 *
 * <p>Business rules: rules are looked up by the tenant of the transaction only, so a rule never applies across
 * tenants; the first matching rule in firing order decides. A cached rule set lives at most {@code ttl}, so a
 * change made by another instance is seen within that time; code that changes rules calls
 * {@link #invalidate(TenantId)} so its own instance sees the change at once.
 */
public final class RuleBook {

    private final LoadingCache<TenantId, List<CategoryRule>> cache;

    /** {@code loader} reads one tenant's enabled rules in firing order (in production, from the database). */
    public RuleBook(Function<TenantId, List<CategoryRule>> loader, Duration ttl, long maximumTenants) {
        this.cache = Caffeine.newBuilder()
                .expireAfterWrite(ttl)
                .maximumSize(maximumTenants)
                .build(loader::apply);
    }

    /** The tenant's enabled rules, in firing order. */
    public List<CategoryRule> rulesFor(TenantId tenant) {
        return cache.get(tenant);
    }

    /** The first of {@code rules} that fires for {@code input}. */
    public static Optional<CategoryRule> firstMatch(List<CategoryRule> rules, CategorizationInput input) {
        RuleInput folded = new RuleInput(input);
        for (CategoryRule rule : rules) {
            if (rule.matches(folded)) {
                return Optional.of(rule);
            }
        }
        return Optional.empty();
    }

    /** Forgets the cached rules of {@code tenant}; the next lookup reads them again. */
    public void invalidate(TenantId tenant) {
        cache.invalidate(tenant);
    }
}
