package com.meridian.api.apikeys;

import com.meridian.api.security.Role;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A key as listed to its tenant: everything but the secret, which is never stored. */
public record ApiKeySummary(UUID keyId, String prefix, String name, Role role, OffsetDateTime createdAt,
        OffsetDateTime expiresAt, OffsetDateTime revokedAt, OffsetDateTime lastUsedAt, UUID replacedBy) {
}
