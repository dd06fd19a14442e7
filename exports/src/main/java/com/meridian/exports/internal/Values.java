package com.meridian.exports.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Conversions shared by the writers, so every format shows a value the same way. */
final class Values {

    private static final DateTimeFormatter UTC_MICROS =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

    private Values() {
    }

    /**
     * The decimal at the column's scale. The column's scale is never smaller than a value's own (the export
     * measures the data first), so HALF_UP, the platform's one rounding rule, never actually changes a value.
     */
    static BigDecimal scaled(Field field, Object value) {
        return ((BigDecimal) value).setScale(field.scale(), RoundingMode.HALF_UP);
    }

    static String text(Field field, Object value) {
        return switch (field.type()) {
            case DECIMAL -> scaled(field, value).toPlainString();
            case TIMESTAMP -> UTC_MICROS.format((Instant) value);
            case DATE -> ((LocalDate) value).toString();
            default -> value.toString();
        };
    }

    /** Microseconds since the epoch, the unit of the Parquet TIMESTAMP columns. */
    static long epochMicros(Instant value) {
        return Math.addExact(Math.multiplyExact(value.getEpochSecond(), 1_000_000L), value.getNano() / 1_000);
    }
}
