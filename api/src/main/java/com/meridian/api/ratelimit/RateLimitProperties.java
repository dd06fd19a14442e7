package com.meridian.api.ratelimit;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Rate limiting of the tenant API.
 *
 * @param enabled       off only for load tests that measure the API itself
 * @param planCacheTtl  how long an instance trusts its cached copy of a tenant's plan limit
 */
@ConfigurationProperties("meridian.rate-limit")
public record RateLimitProperties(@DefaultValue("true") boolean enabled, @DefaultValue("60s") Duration planCacheTtl) {
}
