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
}
