package com.meridian.api.apikeys;

import java.util.Locale;

/** What a key may do. {@code INTEGRATION} keys may only push feeds and read job status. */
public enum ApiKeyRole {
    OWNER, ADMIN, ANALYST, VIEWER, INTEGRATION;

    /** The value stored in {@code api_keys.role}. */
    public String databaseValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ApiKeyRole fromDatabase(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
