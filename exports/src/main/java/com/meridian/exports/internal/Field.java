package com.meridian.exports.internal;

import java.util.Objects;

/**
 * One column of an export file. Decimals carry a precision and a scale; every decimal written to the column
 * is given exactly that scale, so files and sums agree with PostgreSQL to the last digit. {@code unique} columns
 * rarely repeat a value, so writers do not try to build a dictionary of them.
 */
public record Field(String name, FieldType type, boolean nullable, int precision, int scale, boolean unique) {

    /** Amounts fit in a signed 64-bit unscaled value, which Parquet stores as INT64 DECIMAL. */
    public static final int AMOUNT_PRECISION = 18;

    public Field {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
    }

    public static Field of(String name, FieldType type, boolean nullable) {
        return new Field(name, type, nullable, 0, 0, false);
    }

    public static Field decimal(String name, boolean nullable, int scale) {
        return new Field(name, FieldType.DECIMAL, nullable, AMOUNT_PRECISION, scale, false);
    }

    /** The same column, marked as (nearly) never repeating a value: ids, free text, timestamps. */
    public Field mostlyUnique() {
        return new Field(name, type, nullable, precision, scale, true);
    }

    /** The type as SQL readers name it, e.g. {@code DECIMAL(18,2)}, for the manifest. */
    public String sqlType() {
        return switch (type) {
            case STRING -> "VARCHAR";
            case DATE -> "DATE";
            case TIMESTAMP -> "TIMESTAMP WITH TIME ZONE";
            case DECIMAL -> "DECIMAL(" + precision + "," + scale + ")";
            case INT64 -> "BIGINT";
            case BOOLEAN -> "BOOLEAN";
        };
    }
}
