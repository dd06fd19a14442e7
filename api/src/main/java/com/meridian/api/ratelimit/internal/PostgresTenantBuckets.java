package com.meridian.api.ratelimit.internal;

import java.util.function.Supplier;

import javax.sql.DataSource;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;

/**
 * Buckets in the {@code api_rate_limit_buckets} table (V30), one row per key, updated under {@code select ... for
 * update}. The database is the API's own dependency: when it fails, the request fails anyway.
 */
public final class PostgresTenantBuckets implements TenantBuckets {

    private final ProxyManager<String> buckets;

    public PostgresTenantBuckets(DataSource dataSource) {
        this.buckets = Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
                .primaryKeyMapper(PrimaryKeyMapper.STRING)
                .table("api_rate_limit_buckets").idColumn("bucket_key").stateColumn("state")
                .build();
    }

    @Override
    public ConsumptionProbe tryConsume(String key, Supplier<BucketConfiguration> configuration) {
        return buckets.getProxy(key, configuration).tryConsumeAndReturnRemaining(1);
    }
}
