package com.meridian.api.apikeys;

import java.util.UUID;

import com.meridian.tenancy.TenantId;

/** An authenticated API key: the tenant it is scoped to and the role it carries. */
public record ApiKeyPrincipal(TenantId tenant, UUID keyId, String prefix, ApiKeyRole role) {
}
