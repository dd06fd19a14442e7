package com.meridian.api.ratelimit;

import java.time.Duration;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.meridian.api.ratelimit.internal.TenantBuckets;
import com.meridian.tenancy.TenantDatabase;
import com.meridian.tenancy.TenantId;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;

/**
 * One token bucket per tenant, sized by its plan's requests per minute and refilled whole every minute (so
 * {@code RateLimit-Reset} is exact), kept where every API instance draws from the same bucket: PostgreSQL by
 * default, Redis when configured ({@link RateLimitProperties#store()}). The plan's limit is cached per instance
 * for a short while; a plan change therefore takes effect within {@link RateLimitProperties#planCacheTtl()}.
 *
 * <p>The limit is part of the bucket's key: a stored bucket keeps the configuration it was created with, so a
 * tenant whose plan changed would otherwise keep its old limit for as long as its bucket lives (in PostgreSQL,
 * forever). After a change the tenant draws from a new, full bucket of the new size.
 */
public class TenantRateLimiter {

    private final TenantBuckets buckets;
    private final TenantDatabase database;
    private final Cache<TenantId, Long> limits;

    public TenantRateLimiter(TenantBuckets buckets, TenantDatabase database, RateLimitProperties properties) {
        this.buckets = buckets;
        this.database = database;
        this.limits = Caffeine.newBuilder().expireAfterWrite(properties.planCacheTtl()).maximumSize(100_000).build();
    }

    /** Takes one token from the tenant's bucket. */
    public Decision tryAcquire(TenantId tenant) {
        long perMinute = limits.get(tenant, this::planLimit);
        ConsumptionProbe probe = buckets.tryConsume(bucketKey(tenant, perMinute), () -> configuration(perMinute));
        return new Decision(probe.isConsumed(), perMinute, probe.getRemainingTokens(),
                Duration.ofNanos(probe.isConsumed() ? probe.getNanosToWaitForReset() : probe.getNanosToWaitForRefill()));
    }

    /** {@code tenant:<id>:<requests per minute>}. */
    public static String bucketKey(TenantId tenant, long perMinute) {
        return "tenant:" + tenant + ":" + perMinute;
    }

    private long planLimit(TenantId tenant) {
        return database.inTenant(tenant, db -> db.sql("""
                        select p.api_requests_per_minute from subscriptions s join plans p on p.code = s.plan_code
                        where s.status <> 'canceled'""")
                .query(Long.class).optional().orElse(60L));
    }

    private static BucketConfiguration configuration(long perMinute) {
        return BucketConfiguration.builder()
                .addLimit(limit -> limit.capacity(perMinute).refillIntervally(perMinute, Duration.ofMinutes(1)))
                .build();
    }

    /**
     * The outcome of one request against the bucket.
     *
     * @param retryAfter until a token is available again (when refused) or until the bucket is full (when allowed)
     */
    public record Decision(boolean allowed, long limit, long remaining, Duration retryAfter) {
    }
}
