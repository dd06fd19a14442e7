package com.meridian.exports.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;

import com.meridian.exports.ExportRequest;
import com.meridian.exports.TransactionColumn;
import com.meridian.tenancy.TenantDatabase;
import com.meridian.tenancy.TenantId;

/**
 * The transactions of an export, read in pages ordered by booking date and id. Each page is its own short
 * tenant transaction that continues after the last row of the previous page (keyset pagination on the index
 * {@code transactions_listing}, read backwards), so no page sorts the whole range and no transaction stays open
 * for the length of the export.
 *
 * <p>One page is read ahead on a separate thread while the previous one is written.
 *
 * <p>Each row holds the chosen columns, then whichever of booking date, amount, currency and id were not
 * chosen: the writer needs them for partitions and totals, the next page for its key.
 */
public final class TransactionsSource implements ExportSource {

    private static final Executor READ_AHEAD = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "export-read-ahead");
        thread.setDaemon(true);
        return thread;
    });

    private final TenantDatabase database;
    private final TenantId tenant;
    private final List<TransactionColumn> rowColumns;
    private final FieldType[] types;
    private final SqlFilter filter;
    private final int pageSize;
    private final RowSchema schema;
    private final long total;
    private LocalDate lastDate;
    private UUID lastId;
    private boolean exhausted;
    private CompletableFuture<List<Object[]>> next;

    public TransactionsSource(TenantDatabase database, TenantId tenant, ExportRequest request, int pageSize) {
        this.database = database;
        this.tenant = tenant;
        this.rowColumns = rowColumns(request.columns());
        this.filter = SqlFilter.of(tenant, request);
        this.pageSize = pageSize;
        Map<String, Integer> scales = new HashMap<>();
        this.total = measure(scales);
        this.schema = schema(request.columns(), AmountScale.of(scales));
        this.types = rowColumns.stream().map(column -> field(column, schema.amountScale()).type()).toArray(FieldType[]::new);
    }

    private long measure(Map<String, Integer> scales) {
        long[] rows = new long[1];
        database.inTenantRun(tenant, db -> db.sql("select currency, count(*), coalesce(max(scale(amount)), 0) from transactions where "
                        + filter.where() + " group by currency")
                .params(filter.params())
                .query(rs -> {
                    scales.put(rs.getString(1), rs.getInt(3));
                    rows[0] += rs.getLong(2);
                }));
        return rows[0];
    }

    static RowSchema schema(List<TransactionColumn> columns, int amountScale) {
        List<Field> fields = columns.stream().map(column -> field(column, amountScale)).toList();
        List<TransactionColumn> row = rowColumns(columns);
        return new RowSchema(fields, row.indexOf(TransactionColumn.BOOKING_DATE), row.indexOf(TransactionColumn.AMOUNT),
                row.indexOf(TransactionColumn.CURRENCY), amountScale);
    }

    /** The chosen columns, then those the writer and the keyset need that were not chosen. */
    static List<TransactionColumn> rowColumns(List<TransactionColumn> columns) {
        List<TransactionColumn> row = new ArrayList<>(columns);
        for (TransactionColumn needed : List.of(TransactionColumn.BOOKING_DATE, TransactionColumn.AMOUNT,
                TransactionColumn.CURRENCY, TransactionColumn.TRANSACTION_ID)) {
            if (!row.contains(needed)) {
                row.add(needed);
            }
        }
        return List.copyOf(row);
    }

    private static Field field(TransactionColumn column, int amountScale) {
        String name = column.fileName();
        return switch (column) {
            case TRANSACTION_ID -> Field.of(name, FieldType.STRING, false).mostlyUnique();
            case ACCOUNT_ID, CURRENCY, STATUS -> Field.of(name, FieldType.STRING, false);
            case BOOKING_DATE -> Field.of(name, FieldType.DATE, false);
            case VALUE_DATE -> Field.of(name, FieldType.DATE, true);
            case AMOUNT -> Field.decimal(name, false, amountScale);
            case NEEDS_REVIEW -> Field.of(name, FieldType.BOOLEAN, false);
            case CREATED_AT -> Field.of(name, FieldType.TIMESTAMP, false).mostlyUnique();
            case DESCRIPTION -> Field.of(name, FieldType.STRING, true).mostlyUnique();
            case COUNTERPARTY_NAME, COUNTERPARTY_ACCOUNT, MERCHANT_NAME, MCC, CATEGORY_CODE ->
                    Field.of(name, FieldType.STRING, true);
        };
    }

    @Override
    public RowSchema schema() {
        return schema;
    }

    @Override
    public long total() {
        return total;
    }

    /**
     * The next page. As soon as a full page is here, the one after it is read on another thread, so that
     * PostgreSQL and the network work while the caller writes this page.
     */
    @Override
    public List<Object[]> nextPage() {
        if (next == null) {
            if (exhausted) {
                return List.of();
            }
            next = CompletableFuture.supplyAsync(this::fetch, READ_AHEAD);
        }
        List<Object[]> page = await(next);
        next = null;
        exhausted = page.size() < pageSize;
        if (!exhausted) {
            Object[] last = page.get(page.size() - 1);
            lastDate = (LocalDate) last[rowColumns.indexOf(TransactionColumn.BOOKING_DATE)];
            lastId = UUID.fromString(last[rowColumns.indexOf(TransactionColumn.TRANSACTION_ID)].toString());
            next = CompletableFuture.supplyAsync(this::fetch, READ_AHEAD);
        }
        return page;
    }

    /** The keyset of {@code row}: its booking date and transaction id. */
    @Override
    public String positionAfter(Object[] row) {
        return row[rowColumns.indexOf(TransactionColumn.BOOKING_DATE)] + "/" + row[rowColumns.indexOf(TransactionColumn.TRANSACTION_ID)];
    }

    @Override
    public void resumeAfter(String position) {
        if (next != null || lastId != null) {
            throw new IllegalStateException("pages were read already; cannot resume");
        }
        int slash = position.indexOf('/');
        lastDate = LocalDate.parse(position.substring(0, slash));
        lastId = UUID.fromString(position.substring(slash + 1));
    }

    private List<Object[]> fetch() {
        return database.inTenant(tenant, db -> db.sql(pageSql()).params(pageParams()).query(this::row).list());
    }

    private static List<Object[]> await(CompletableFuture<List<Object[]>> page) {
        try {
            return page.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    private String pageSql() {
        return "select " + String.join(", ", rowColumns.stream().map(TransactionColumn::fileName).toList())
                + " from transactions where " + filter.where()
                + (lastId == null ? "" : " and (booking_date, transaction_id) > (?, ?)")
                + " order by booking_date, transaction_id limit ?";
    }

    private List<Object> pageParams() {
        List<Object> params = new ArrayList<>(filter.params());
        if (lastId != null) {
            params.add(lastDate);
            params.add(lastId);
        }
        params.add(pageSize);
        return params;
    }

    private Object[] row(ResultSet rs, int rowNumber) throws SQLException {
        Object[] row = new Object[types.length];
        for (int i = 0; i < types.length; i++) {
            row[i] = value(rs, i + 1, types[i]);
        }
        return row;
    }

    static Object value(ResultSet rs, int index, FieldType type) throws SQLException {
        Object value = switch (type) {
            case STRING -> rs.getString(index);
            case DATE -> rs.getObject(index, LocalDate.class);
            case TIMESTAMP -> toInstant(rs.getObject(index, OffsetDateTime.class));
            case DECIMAL -> rs.getBigDecimal(index);
            case INT64 -> rs.getLong(index);
            case BOOLEAN -> rs.getBoolean(index);
        };
        return rs.wasNull() ? null : value;
    }

    private static Object toInstant(OffsetDateTime value) {
        return value == null ? null : value.toInstant();
    }
}
