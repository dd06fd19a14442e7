package com.meridian.exports;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What an analyst asks for: a kind of export over the transactions booked from {@code from} to {@code to}
 * (both inclusive), narrowed by {@code filters}, with the chosen columns, in one format.
 *
 * <p>Rules: the range is at most {@link #MAX_DAYS} days; the compression must suit the format; amount and
 * currency always travel together; files are split Hive-style by booked month unless
 * {@code partitionByMonth} is false.
 */
public record ExportRequest(ExportKind kind, ExportFormat format, ExportCompression compression, LocalDate from,
        LocalDate to, ExportFilters filters, List<TransactionColumn> columns, Boolean partitionByMonth) {

    /** Ten years: longer ranges are almost always a typo, and they would hold a worker for a long time. */
    public static final int MAX_DAYS = 3660;

    public ExportRequest {
        kind = kind == null ? ExportKind.TRANSACTIONS : kind;
        format = Objects.requireNonNullElse(format, ExportFormat.PARQUET);
        compression = compression == null ? ExportCompression.defaultFor(format) : compression;
        filters = filters == null ? ExportFilters.none() : filters;
        columns = withCurrencyBesideAmount(columns == null || columns.isEmpty() ? List.of(TransactionColumn.values()) : columns);
        partitionByMonth = partitionByMonth == null || partitionByMonth;
        check(from != null && to != null, "from and to are required");
        check(!from.isAfter(to), "from must not be after to");
        check(from.plusDays(MAX_DAYS).isAfter(to), "the date range must not exceed " + MAX_DAYS + " days");
        check(compression.appliesTo(format), compression + " compression does not apply to " + format);
    }

    private static List<TransactionColumn> withCurrencyBesideAmount(List<TransactionColumn> columns) {
        List<TransactionColumn> chosen = new ArrayList<>(columns.stream().distinct().toList());
        if (chosen.contains(TransactionColumn.AMOUNT) && !chosen.contains(TransactionColumn.CURRENCY)) {
            chosen.add(chosen.indexOf(TransactionColumn.AMOUNT) + 1, TransactionColumn.CURRENCY);
        }
        return List.copyOf(chosen);
    }

    private static void check(boolean condition, String message) {
        if (!condition) {
            throw new InvalidExportRequestException(message);
        }
    }
}
