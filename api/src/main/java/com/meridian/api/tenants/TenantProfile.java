package com.meridian.api.tenants;

import java.util.UUID;

/** A tenant as its own callers and platform operators see it. */
public record TenantProfile(UUID tenantId, String slug, String name, String status, String timeZone, String plan,
        String suspensionReason) {
}
