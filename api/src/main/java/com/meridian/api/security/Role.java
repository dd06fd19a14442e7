package com.meridian.api.security;

import java.util.Locale;

/**
 * What a caller may do. Tenant roles: {@code OWNER}, {@code ADMIN}, {@code ANALYST}, {@code VIEWER}, and
 * {@code INTEGRATION} (machines that push feeds and read job status only). {@code PLATFORM_OPERATOR} belongs to
 * Meridian's own staff, acts across tenants through {@code /v1/platform}, and never on a tenant's data directly.
 */
public enum Role {
    OWNER, ADMIN, ANALYST, VIEWER, INTEGRATION, PLATFORM_OPERATOR;

    /** The value stored in the database ({@code api_keys.role}). */
    public String databaseValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Role fromDatabase(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }

    public String authority() {
        return "ROLE_" + name();
    }
}
