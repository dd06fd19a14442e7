package com.meridian.ingest.stream;

import java.time.ZoneId;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Tenants and accounts held in memory, for topology tests. */
final class TestDirectory implements AccountDirectory {

    private final Map<UUID, ZoneId> zones = new HashMap<>();
    private final Set<String> accounts = new HashSet<>();

    TestDirectory tenant(UUID tenant, String zone) {
        zones.put(tenant, ZoneId.of(zone));
        return this;
    }

    TestDirectory account(UUID tenant, UUID account) {
        accounts.add(tenant + "/" + account);
        return this;
    }

    @Override
    public Optional<ZoneId> tenantZone(UUID tenantId) {
        return Optional.ofNullable(zones.get(tenantId));
    }

    @Override
    public boolean accountExists(UUID tenantId, UUID accountId) {
        return accounts.contains(tenantId + "/" + accountId);
    }
}
