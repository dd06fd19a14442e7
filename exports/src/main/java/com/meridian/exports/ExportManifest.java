package com.meridian.exports;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The contract of a finished export, written beside its files as {@code manifest.json}: every file with its
 * row count, size and SHA-256, the columns with their types, and per currency the row count and the exact
 * sum of amounts, so a reader can prove it got everything and nothing else.
 */
public record ExportManifest(UUID exportId, UUID tenantId, ExportKind kind, ExportFormat format,
        ExportCompression compression, ExportRequest request, Instant createdAt, long rows, List<Column> columns,
        List<File> files, List<CurrencyTotal> totals) {

    /** One column of the files: its name and its type as a reader should take it, e.g. {@code DECIMAL(18,2)}. */
    public record Column(String name, String type) {
    }

    /** One file, by its path relative to the export's root (e.g. {@code booked_month=2026-03/part-0000.parquet}). */
    public record File(String path, String bookedMonth, long rows, long bytes, String sha256) {
    }

    /** The rows and the exact sum of the amount column of one currency. */
    public record CurrencyTotal(String currency, long rows, BigDecimal amount) {
    }
}
