package com.meridian.ingest.stream;

import java.time.ZoneId;
import java.util.Optional;
import java.util.UUID;

/**
 * What the pipeline must know about tenants and accounts: a transaction is accepted only for an account that
 * exists in its tenant, and usage is metered in the tenant's time zone.
 */
public interface AccountDirectory {

    /** The tenant's time zone, or empty when the tenant does not exist. */
    Optional<ZoneId> tenantZone(UUID tenantId);

    /** Whether the account exists and belongs to the tenant. */
    boolean accountExists(UUID tenantId, UUID accountId);
}
