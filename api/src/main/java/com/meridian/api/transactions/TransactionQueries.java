package com.meridian.api.transactions;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;

import com.meridian.tenancy.TenantDatabase;
import com.meridian.tenancy.TenantId;

import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a tenant's stored transactions: filtered, in a stable order (booking date, then id, both descending)
 * and paged by keyset cursor, so pages neither skip nor repeat rows while new transactions arrive.
 */
@Service
public class TransactionQueries {

    private static final String COLUMNS = """
            select transaction_id, account_id, source, source_transaction_id, status, booking_date, value_date, amount,
                   currency, counterparty_name, counterparty_account, description, merchant_name, mcc,
                   bank_transaction_code, category_code, category_confidence, needs_review, categorized_by,
                   model_version, category_rule_id, created_at, updated_at
            from transactions""";

    private final TenantDatabase database;
    private final JsonMapper json;

    public TransactionQueries(TenantDatabase database, JsonMapper json) {
        this.database = database;
        this.json = json;
    }

    /** One page of at most {@code limit} rows after {@code cursor}, and the cursor of the next page if any. */
    public Page list(TenantId tenant, TransactionFilter filter, String cursor, int limit) {
        Listing listing = listing(filter, cursor, limit);
        List<TransactionView> rows = database.inTenant(tenant, db -> db.sql(listing.sql()).params(listing.params())
                .query((rs, n) -> map(rs)).list());
        if (rows.size() <= limit) {
            return new Page(rows, null);
        }
        TransactionView last = rows.get(limit - 1);
        return new Page(rows.subList(0, limit), new TransactionCursor(last.bookingDate(), last.transactionId()).encode());
    }

    /**
     * The same page as {@link #list}, already written as the JSON of a {@link Page}: what the HTTP listing sends,
     * without building a {@link TransactionView} per row (see {@link TransactionPageWriter}).
     */
    public byte[] listAsJson(TenantId tenant, TransactionFilter filter, String cursor, int limit) {
        Listing listing = listing(filter, cursor, limit);
        return database.inTenant(tenant, db -> db.sql(listing.sql()).params(listing.params())
                .query(new TransactionPageWriter(json, limit)));
    }

    private record Listing(String sql, List<Object> params) {
    }

    // one row more than the page, so that its presence says whether there is a next page
    private static Listing listing(TransactionFilter filter, String cursor, int limit) {
        List<String> where = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        narrow(filter, where, params);
        if (cursor != null) {
            TransactionCursor after = TransactionCursor.decode(cursor);
            where.add("(booking_date, transaction_id) < (?, ?)");
            params.add(after.bookingDate());
            params.add(after.transactionId());
        }
        String sql = COLUMNS + (where.isEmpty() ? "" : " where " + String.join(" and ", where))
                + " order by booking_date desc, transaction_id desc limit " + (limit + 1);
        return new Listing(sql, params);
    }

    public Optional<TransactionView> one(TenantId tenant, UUID transactionId) {
        return database.inTenant(tenant, db -> db.sql(COLUMNS + " where transaction_id = ?").param(transactionId)
                .query((rs, n) -> map(rs)).optional());
    }

    private static void narrow(TransactionFilter filter, List<String> where, List<Object> params) {
        if (!filter.includeRemoved()) {
            where.add("status <> 'removed'");
        }
        condition(where, params, "account_id = ?", filter.accountId());
        condition(where, params, "booking_date >= ?", filter.from());
        condition(where, params, "booking_date <= ?", filter.to());
        condition(where, params, "category_code = ?", filter.category());
        condition(where, params, "amount >= ?", filter.minAmount());
        condition(where, params, "amount <= ?", filter.maxAmount());
        condition(where, params, "needs_review = ?", filter.needsReview());
        if (filter.text() != null && !filter.text().isBlank()) {
            String pattern = "%" + filter.text().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
            where.add("(description ilike ? or merchant_name ilike ? or counterparty_name ilike ?)");
            params.addAll(List.of(pattern, pattern, pattern));
        }
    }

    private static void condition(List<String> where, List<Object> params, String sql, Object value) {
        if (value != null) {
            where.add(sql);
            params.add(value);
        }
    }

    private static TransactionView map(ResultSet rs) throws SQLException {
        return new TransactionView(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
                rs.getString(4), rs.getString(5), rs.getObject(6, LocalDate.class), rs.getObject(7, LocalDate.class),
                rs.getBigDecimal(8), rs.getString(9), rs.getString(10), rs.getString(11), rs.getString(12),
                rs.getString(13), rs.getString(14), rs.getString(15), rs.getString(16), rs.getBigDecimal(17),
                rs.getBoolean(18), rs.getString(19), rs.getString(20), rs.getObject(21, UUID.class),
                rs.getObject(22, OffsetDateTime.class), rs.getObject(23, OffsetDateTime.class));
    }

    /** A page of a listing; {@code nextCursor} is null on the last page. */
    public record Page(List<TransactionView> items, String nextCursor) {
    }

}
