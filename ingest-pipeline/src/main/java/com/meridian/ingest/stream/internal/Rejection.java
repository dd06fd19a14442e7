package com.meridian.ingest.stream.internal;

import java.util.UUID;

/**
 * Why validation refused a record: a stable upper-case code for alerts and replay tooling, and a message for people
 * that never quotes the payload.
 *
 * @param tenantId the tenant the record belongs to, when it is a known tenant
 */
record Rejection(String code, String message, UUID tenantId) {

    static final String DESERIALIZATION_FAILED = "DESERIALIZATION_FAILED";
    static final String MISSING_KEY = "MISSING_KEY";
    static final String MISSING_VALUE = "MISSING_VALUE";
    static final String KEY_MISMATCH = "KEY_MISMATCH";
    static final String UNKNOWN_TENANT = "UNKNOWN_TENANT";
    static final String UNKNOWN_ACCOUNT = "UNKNOWN_ACCOUNT";
    static final String UNKNOWN_CURRENCY = "UNKNOWN_CURRENCY";
    static final String AMOUNT_SCALE = "AMOUNT_SCALE";
    static final String IMPLAUSIBLE_DATE = "IMPLAUSIBLE_DATE";
}
