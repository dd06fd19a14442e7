package com.meridian.api.ratelimit.internal;

import java.time.Duration;
import java.util.function.Supplier;

import javax.sql.DataSource;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.github.bucket4j.postgresql.PostgreSQLSelectForUpdateBasedProxyManager;

/**
 * Buckets in the {@code api_rate_limit_buckets} table (V30), one row per key, updated under {@code select ... for
 * update}. The database is the API's own dependency: when it fails, the request fails anyway.
 *
 * <p>Every write stamps the row with the time its bucket will be full again (plus a margin), after which the row
 * holds nothing a new bucket would not; {@link #removeExpired} deletes such rows in batches.
 */
public final class PostgresTenantBuckets implements TenantBuckets {

    /** Covers the instances' clock differences: bucket4j computes the refill time on the client. */
    static final Duration KEEP_AFTER_REFILL = Duration.ofSeconds(10);
    private static final int DELETE_BATCH = 1_000;

    private final PostgreSQLSelectForUpdateBasedProxyManager<String> buckets;

    public PostgresTenantBuckets(DataSource dataSource) {
        this.buckets = Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
                .primaryKeyMapper(PrimaryKeyMapper.STRING)
                .table("api_rate_limit_buckets").idColumn("bucket_key").stateColumn("state")
                .expiresAtColumn("expires_at")
                .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(KEEP_AFTER_REFILL))
                .build();
    }

    @Override
    public int removeExpired() {
        int removed = 0;
        int batch;
        do {
            batch = buckets.removeExpired(DELETE_BATCH);
            removed += batch;
        } while (batch == DELETE_BATCH);
        return removed;
    }

    @Override
    public ConsumptionProbe tryConsume(String key, Supplier<BucketConfiguration> configuration) {
        return buckets.getProxy(key, configuration).tryConsumeAndReturnRemaining(1);
    }
}
