package com.meridian.exports;

/**
 * How the files of an export are compressed. Parquet compresses inside the file (ZSTD or SNAPPY, per column
 * chunk, so readers can still skip row groups); CSV and JSON Lines are either plain or gzip as a whole.
 */
public enum ExportCompression {
    NONE,
    GZIP,
    SNAPPY,
    ZSTD;

    /** Whether this compression can be applied to files of {@code format}. */
    public boolean appliesTo(ExportFormat format) {
        return switch (this) {
            case NONE -> true;
            case GZIP -> format != ExportFormat.PARQUET;
            case SNAPPY, ZSTD -> format == ExportFormat.PARQUET;
        };
    }

    /** The compression used when a request names none. */
    public static ExportCompression defaultFor(ExportFormat format) {
        return format == ExportFormat.PARQUET ? ZSTD : NONE;
    }
}
