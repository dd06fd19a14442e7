package com.meridian.ingest.stream.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import com.meridian.ingest.stream.AccountDirectory;
import com.meridian.tenancy.TenantDatabase;
import com.meridian.tenancy.TenantId;

/**
 * Tenants and accounts from PostgreSQL, read in the tenant's scope and cached for {@code ttl}, so that the stream
 * asks the database about each account once per {@code ttl}, not once per record. A tenant or account created
 * after a miss is seen at the latest {@code ttl} later.
 */
public final class JdbcAccountDirectory implements AccountDirectory {

    private final TenantDatabase database;
    private final Duration ttl;
    private final Clock clock;
    private final Map<UUID, Cached<Optional<ZoneId>>> zones = new ConcurrentHashMap<>();
    private final Map<String, Cached<Boolean>> accounts = new ConcurrentHashMap<>();

    public JdbcAccountDirectory(TenantDatabase database, Duration ttl, Clock clock) {
        this.database = database;
        this.ttl = ttl;
        this.clock = clock;
    }

    @Override
    public Optional<ZoneId> tenantZone(UUID tenantId) {
        return cached(zones, tenantId, () -> database.inTenant(new TenantId(tenantId), jdbc -> jdbc
                .sql("select time_zone from tenants where tenant_id = ?").param(tenantId).query(String.class)
                .optional().map(ZoneId::of)));
    }

    @Override
    public boolean accountExists(UUID tenantId, UUID accountId) {
        return cached(accounts, tenantId + "/" + accountId, () -> database.inTenant(new TenantId(tenantId), jdbc -> jdbc
                .sql("select count(*) from bank_accounts where tenant_id = ? and account_id = ?")
                .param(tenantId).param(accountId).query(Long.class).single() > 0));
    }

    private <K, V> V cached(Map<K, Cached<V>> cache, K key, java.util.function.Supplier<V> load) {
        Instant now = clock.instant();
        Cached<V> hit = cache.get(key);
        if (hit != null && hit.expires.isAfter(now)) {
            return hit.value;
        }
        V value = load.get();
        cache.put(key, new Cached<>(value, now.plus(ttl)));
        return value;
    }

    private record Cached<V>(V value, Instant expires) {
    }
}
