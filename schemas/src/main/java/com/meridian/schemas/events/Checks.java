package com.meridian.schemas.events;

import java.util.Objects;
import java.util.regex.Pattern;

/** Invariant checks shared by the event records; each mirrors a constraint of the JSON Schema files. */
final class Checks {

    static final int SCHEMA_VERSION = 1;

    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");

    private Checks() {
    }

    static <T> T required(T value, String field) {
        return Objects.requireNonNull(value, () -> field + " is required");
    }

    static String requiredText(String value, String field) {
        check(!required(value, field).isEmpty(), field + " must not be empty");
        return value;
    }

    static void schemaVersion(int schemaVersion) {
        check(schemaVersion == SCHEMA_VERSION, "schemaVersion must be " + SCHEMA_VERSION + " on a v1 contract");
    }

    static void currency(String currency) {
        matches(currency, CURRENCY, "currency (ISO 4217 alphabetic code)");
    }

    static void matches(String value, Pattern pattern, String field) {
        check(value == null || pattern.matcher(value).matches(), field + " must match " + pattern.pattern());
    }

    static void check(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
