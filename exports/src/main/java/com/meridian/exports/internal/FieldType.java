package com.meridian.exports.internal;

/**
 * The value types an export column can have, with the Java type a row holds for it: STRING {@code String},
 * DATE {@code LocalDate}, TIMESTAMP {@code Instant} (UTC), DECIMAL {@code BigDecimal}, INT64 {@code Long},
 * BOOLEAN {@code Boolean}.
 */
public enum FieldType {
    STRING,
    DATE,
    TIMESTAMP,
    DECIMAL,
    INT64,
    BOOLEAN
}
