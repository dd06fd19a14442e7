package com.meridian.api.tenants;

import java.util.UUID;

/** What a tenant's key sees of its own tenant. */
public record TenantProfile(UUID tenantId, String slug, String name, String status, String timeZone, String plan) {
}
