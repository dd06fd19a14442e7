package com.meridian.api.ratelimit.internal;

import java.util.function.Supplier;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;

/** Where the token buckets live that every API instance draws from. */
public interface TenantBuckets {

    /**
     * Takes one token from the bucket under {@code key}, creating the bucket from {@code configuration} if it
     * does not exist.
     */
    ConsumptionProbe tryConsume(String key, Supplier<BucketConfiguration> configuration);

    /**
     * Deletes the buckets that would be full again by now, which a store that does not expire entries by itself
     * keeps forever otherwise (one per tenant and plan limit); returns how many. A store that expires them itself
     * has nothing to do.
     */
    default int removeExpired() {
        return 0;
    }
}
