package com.meridian.api.ratelimit;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import io.lettuce.core.RedisURI;

/**
 * Rate limiting of the tenant API.
 *
 * @param enabled       off only for load tests that measure the API itself
 * @param planCacheTtl  how long an instance trusts its cached copy of a tenant's plan limit
 * @param store         where the buckets that all instances share live: PostgreSQL (the default, nothing more to
 *                      run) or Redis (no bucket writes on the database, for deployments with many requests)
 * @param redis         the Redis server, used only when {@code store} is {@code redis}
 */
@ConfigurationProperties("meridian.rate-limit")
public record RateLimitProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("60s") Duration planCacheTtl,
        @DefaultValue("postgresql") Store store,
        @DefaultValue Redis redis) {

    public RateLimitProperties {
        if (store == Store.REDIS) {
            redis.validate();
        }
    }

    /** Where the shared buckets live. */
    public enum Store {
        POSTGRESQL, REDIS
    }

    /**
     * A Redis server (or a Sentinel-managed one) for the buckets.
     *
     * @param uri      {@code redis://host:port}, {@code rediss://host:port} for TLS, or {@code redis-sentinel://...};
     *                 without credentials
     * @param username the ACL user, if the server has ACL users (Redis 6+); none means the default user
     * @param password the server's password; a secret, so it comes from {@code MERIDIAN_RATE_LIMIT_REDIS_PASSWORD}
     *                 or the secret file {@code meridian.rate-limit.redis.password}, never from the URI
     * @param timeout  how long a request waits for Redis before the instance decides on its own (connecting and
     *                 every command); Redis answers in well under a millisecond when it is healthy
     */
    public record Redis(String uri, String username, String password, @DefaultValue("500ms") Duration timeout) {

        /** The URI with the password added, for the client. */
        public RedisURI clientUri() {
            RedisURI parsed = RedisURI.create(uri);
            if (username != null && !username.isBlank()) {
                parsed.setUsername(username);
            }
            if (password != null && !password.isEmpty()) {
                parsed.setPassword(password.toCharArray());
            }
            parsed.setTimeout(timeout);
            return parsed;
        }

        // The messages never repeat the URI: it might hold the very password they complain about.
        void validate() {
            if (uri == null || uri.isBlank()) {
                throw new IllegalArgumentException(
                        "meridian.rate-limit.redis.uri must be set when meridian.rate-limit.store is redis");
            }
            RedisURI parsed;
            try {
                parsed = RedisURI.create(uri);
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("meridian.rate-limit.redis.uri is not a Redis URI"
                        + " (redis://host:port, rediss://host:port or redis-sentinel://...)");
            }
            // Lettuce reads redis://secret@host as a password, so no user info at all is allowed
            if (uri.contains("@") || parsed.getPassword() != null && parsed.getPassword().length > 0) {
                throw new IllegalArgumentException("meridian.rate-limit.redis.uri must not carry credentials: set"
                        + " meridian.rate-limit.redis.username, and the password in MERIDIAN_RATE_LIMIT_REDIS_PASSWORD"
                        + " or the secret file meridian.rate-limit.redis.password");
            }
            if (timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("meridian.rate-limit.redis.timeout must be positive");
            }
        }

        /** Without the password, which must never reach a log or an actuator page. */
        @Override
        public String toString() {
            String shownUri = uri == null ? null : uri.replaceAll("//[^/@]*@", "//***@");
            return "Redis[uri=" + shownUri + ", username=" + username + ", password=" + (password == null || password.isEmpty() ? "(none)" : "******")
                    + ", timeout=" + timeout + "]";
        }
    }
}
