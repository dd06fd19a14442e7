package com.meridian.api.feeds.internal;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import com.meridian.tenancy.TenantDatabase;
import com.meridian.tenancy.TenantId;

/**
 * Finds the tenant's account a pushed record names: by Meridian account id, or else by the account's external
 * reference (an aggregator's account id) or IBAN. Only the caller's tenant is searched (row-level security).
 * One instance serves one request and remembers its answers.
 */
public final class FeedAccounts {

    private final TenantDatabase database;
    private final TenantId tenant;
    private final Map<String, Optional<UUID>> known = new HashMap<>();

    public FeedAccounts(TenantDatabase database, TenantId tenant) {
        this.database = database;
        this.tenant = tenant;
    }

    /** The Meridian account {@code reference} names, or empty. */
    public Optional<UUID> resolve(String reference) {
        return known.computeIfAbsent(reference, this::lookUp);
    }

    private Optional<UUID> lookUp(String reference) {
        UUID id = asUuid(reference);
        return database.inTenant(tenant, jdbc -> jdbc.sql("""
                        select account_id from bank_accounts
                        where account_id = ? or external_ref = ? or iban = ?
                        order by (account_id = ?) desc limit 1""")
                .param(id).param(reference).param(reference).param(id).query(UUID.class).optional());
    }

    private static UUID asUuid(String reference) {
        try {
            return UUID.fromString(reference);
        } catch (IllegalArgumentException e) {
            return null; // not an account id: matched on external reference and IBAN only
        }
    }
}
