package com.meridian.api.ratelimit;

import javax.sql.DataSource;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.meridian.api.ratelimit.internal.PostgresTenantBuckets;
import com.meridian.api.ratelimit.internal.RedisTenantBuckets;
import com.meridian.api.ratelimit.internal.TenantBuckets;
import com.meridian.tenancy.TenantDatabase;

import io.micrometer.core.instrument.MeterRegistry;

/** The tenant rate limiter on the store that {@code meridian.rate-limit.store} names. */
@Configuration(proxyBeanMethods = false)
public class RateLimitConfiguration {

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
}
