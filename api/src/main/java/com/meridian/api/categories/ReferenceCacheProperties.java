package com.meridian.api.categories;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The per-instance caches of a tenant's categories and rules ({@code meridian.api.reference-cache.*}).
 *
 * <p>Business rule: a change is seen at once on the instance that made it (it drops the tenant's entry) and within
 * {@code ttl} on every other instance, because no entry outlives {@code ttl} after it was read from the database.
 *
 * @param ttl        the longest a cached copy is served; also the bound on staleness across instances
 * @param maxTenants how many tenants' copies an instance keeps at most
 */
@ConfigurationProperties("meridian.api.reference-cache")
public record ReferenceCacheProperties(@DefaultValue("30s") Duration ttl, @DefaultValue("10000") long maxTenants) {

    public ReferenceCacheProperties {
        if (ttl.isNegative() || ttl.isZero() || ttl.compareTo(Duration.ofMinutes(5)) > 0) {
            throw new IllegalArgumentException("meridian.api.reference-cache.ttl must be above 0 and at most 5 minutes, was " + ttl);
        }
    }
}
