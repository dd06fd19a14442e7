package com.meridian.api.ratelimit.internal;

import java.time.Duration;
import java.util.function.Supplier;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.local.LocalBucketBuilder;

/**
 * Buckets in this instance's memory, with the same configuration as the shared ones: what an instance decides
 * with while the shared store cannot be reached. A bucket unused for two minutes has refilled completely, so
 * forgetting it changes nothing.
 */
final class InstanceBuckets {

    private final Cache<String, Bucket> buckets = Caffeine.newBuilder()
            .expireAfterAccess(Duration.ofMinutes(2))
            .maximumSize(100_000)
            .build();

    ConsumptionProbe tryConsume(String key, Supplier<BucketConfiguration> configuration) {
        return buckets.get(key, unused -> bucket(configuration.get())).tryConsumeAndReturnRemaining(1);
    }

    private static Bucket bucket(BucketConfiguration configuration) {
        LocalBucketBuilder builder = Bucket.builder();
        for (Bandwidth limit : configuration.getBandwidths()) {
            builder.addLimit(limit);
        }
        return builder.build();
    }
}
