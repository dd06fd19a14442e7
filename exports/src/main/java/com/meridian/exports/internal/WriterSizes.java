package com.meridian.exports.internal;

/**
 * How big the pieces of an export are: Parquet row groups and pages in bytes, and the most rows one file
 * holds before the writer starts the next part of the same month.
 */
public record WriterSizes(long rowGroupBytes, int pageBytes, long maxRowsPerFile) {

    public static WriterSizes defaults() {
        return new WriterSizes(64L << 20, 1 << 20, 5_000_000L);
    }
}
