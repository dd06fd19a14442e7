package com.meridian.exports.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.meridian.exports.ExportRequest;
import com.meridian.tenancy.TenantDatabase;
import com.meridian.tenancy.TenantId;

/**
 * The monthly spend-by-category report: per booked month, account, currency and category, the number of
 * transactions, the money that went out ({@code debit_total}, positive), the money that came in
 * ({@code credit_total}) and their difference ({@code net_amount}, signed like the transactions). Currencies
 * are never added together. Uncategorised transactions have an empty category. The report is small (months
 * times accounts times categories), so it is computed by PostgreSQL in one query and written as one page.
 */
public final class MonthlySpendSource implements ExportSource {

    private static final String REPORT = """
            select date_trunc('month', booking_date)::date, account_id::text, currency, category_code, count(*),
                   coalesce(sum(-amount) filter (where amount < 0), 0), coalesce(sum(amount) filter (where amount > 0), 0),
                   sum(amount)
            from transactions where %s
            group by 1, 2, 3, 4 order by 1, 2, 3, 4""";

    private final TenantDatabase database;
    private final TenantId tenant;
    private final SqlFilter filter;
    private final RowSchema schema;
    private final long total;
    private boolean done;

    public MonthlySpendSource(TenantDatabase database, TenantId tenant, ExportRequest request) {
        this.database = database;
        this.tenant = tenant;
        this.filter = SqlFilter.of(tenant, request);
        Map<String, Integer> scales = new HashMap<>();
        long[] groups = new long[1];
        database.inTenantRun(tenant, db -> db.sql("""
                        select currency, coalesce(max(scale(amount)), 0),
                               count(distinct (date_trunc('month', booking_date), account_id, category_code))
                        from transactions where %s group by currency""".formatted(filter.where()))
                .params(filter.params())
                .query(rs -> {
                    scales.put(rs.getString(1), rs.getInt(2));
                    groups[0] += rs.getLong(3);
                }));
        this.total = groups[0];
        this.schema = schema(AmountScale.of(scales));
    }

    static RowSchema schema(int scale) {
        return new RowSchema(List.of(
                Field.of("month", FieldType.DATE, false),
                Field.of("account_id", FieldType.STRING, false),
                Field.of("currency", FieldType.STRING, false),
                Field.of("category_code", FieldType.STRING, true),
                Field.of("transaction_count", FieldType.INT64, false),
                Field.decimal("debit_total", false, scale),
                Field.decimal("credit_total", false, scale),
                Field.decimal("net_amount", false, scale)), 0, 7, 2, scale);
    }

    @Override
    public RowSchema schema() {
        return schema;
    }

    @Override
    public long total() {
        return total;
    }

    @Override
    public List<Object[]> nextPage() {
        if (done) {
            return List.of();
        }
        done = true;
        return database.inTenant(tenant, db -> db.sql(REPORT.formatted(filter.where()))
                .params(filter.params())
                .query(this::row)
                .list());
    }

    private Object[] row(ResultSet rs, int rowNumber) throws SQLException {
        Object[] row = new Object[schema.size()];
        for (int i = 0; i < row.length; i++) {
            row[i] = TransactionsSource.value(rs, i + 1, schema.field(i).type());
        }
        return row;
    }
}
