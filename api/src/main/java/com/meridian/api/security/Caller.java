package com.meridian.api.security;

import com.meridian.tenancy.TenantId;

/**
 * Who is calling: the principal of every authenticated request, whether it came with an API key or an OIDC
 * token. Controllers take it with {@code @AuthenticationPrincipal Caller caller} and pass {@link #tenant()}
 * on; a tenant is never taken from the request itself.
 *
 * @param tenant    the tenant the caller acts for; null only for a platform operator
 * @param actorType {@code api_key} or {@code user}, as the audit log records it
 * @param actorId   the key prefix, or the token's subject
 */
public record Caller(TenantId tenant, Role role, String actorType, String actorId) {

    public static Caller apiKey(TenantId tenant, Role role, String prefix) {
        return new Caller(tenant, role, "api_key", prefix);
    }

    public boolean isPlatformOperator() {
        return role == Role.PLATFORM_OPERATOR;
    }
}
