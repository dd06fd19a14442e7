package com.meridian.api.ratelimit;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

import com.meridian.api.ratelimit.internal.PostgresTenantBuckets;
import com.meridian.api.ratelimit.internal.RedisTenantBuckets;
import com.meridian.api.ratelimit.internal.TenantBuckets;
import com.meridian.tenancy.TenantDatabase;

import io.micrometer.core.instrument.MeterRegistry;

/** The tenant rate limiter on the store that {@code meridian.rate-limit.store} names. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
public class RateLimitConfiguration {

    private static final Logger log = LoggerFactory.getLogger(RateLimitConfiguration.class);

    @Bean
    TenantBuckets tenantBuckets(RateLimitProperties properties, DataSource dataSource,
            MeterRegistry meters) {
        return switch (properties.store()) {
            case POSTGRESQL -> new PostgresTenantBuckets(dataSource);
            case REDIS -> new RedisTenantBuckets(properties.redis(), meters);
        };
    }

    @Bean
    TenantRateLimiter tenantRateLimiter(TenantBuckets tenantBuckets, TenantDatabase database,
            RateLimitProperties properties) {
        return new TenantRateLimiter(tenantBuckets, database, properties);
    }

    @Bean
    ExpiredBucketsSweep expiredBucketsSweep(TenantBuckets tenantBuckets) {
        return new ExpiredBucketsSweep(tenantBuckets);
    }

    /** Deletes buckets nobody has drawn from since they refilled; each instance may run it, deletes are idempotent. */
    public static final class ExpiredBucketsSweep {

        private final TenantBuckets buckets;

        ExpiredBucketsSweep(TenantBuckets buckets) {
            this.buckets = buckets;
        }

        @Scheduled(fixedDelayString = "${meridian.rate-limit.expired-bucket-sweep:10m}",
                initialDelayString = "${meridian.rate-limit.expired-bucket-sweep:10m}")
        public void sweep() {
            int removed = buckets.removeExpired();
            if (removed > 0) {
                log.info("Removed {} expired rate-limit buckets", removed);
            }
        }
    }
}
