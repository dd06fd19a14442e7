package com.meridian.api.transactions;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.UUID;

import org.springframework.jdbc.core.ResultSetExtractor;

import tools.jackson.core.JsonGenerator;
import tools.jackson.core.io.SerializedString;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes one page of the transaction listing as JSON straight from the rows of {@link TransactionQueries}'s
 * listing query, byte for byte what Jackson writes for a {@link TransactionQueries.Page} of
 * {@link TransactionView}s (same property order, nulls, amounts as strings, ISO dates), without building those
 * objects. The listing is the API's busiest read, and building and reflecting over 100 records per page was most
 * of its CPU (docs/benchmarks.md, API). {@code TransactionPageJsonIT} compares the two outputs.
 *
 * <p>The page is rendered into memory inside the database transaction and sent after it, so a slow client never
 * holds a pooled connection.
 */
final class TransactionPageWriter implements ResultSetExtractor<byte[]> {

    // the record components of TransactionView, in its declaration order (the order Jackson writes them in)
    private static final SerializedString[] NAMES = names("transactionId", "accountId", "source", "sourceTransactionId",
            "status", "bookingDate", "valueDate", "amount", "currency", "counterpartyName", "counterpartyAccount",
            "description", "merchantName", "mcc", "bankTransactionCode", "category", "confidence", "needsReview",
            "categorizedBy", "modelVersion", "categoryRuleId", "createdAt", "updatedAt");
    private static final SerializedString ITEMS = new SerializedString("items");
    private static final SerializedString NEXT_CURSOR = new SerializedString("nextCursor");
    private static final int BYTES_PER_ROW = 700;

    private final JsonMapper json;
    private final int limit;

    /** Writes at most {@code limit} rows; a further row only means there is a next page. */
    TransactionPageWriter(JsonMapper json, int limit) {
        this.json = json;
        this.limit = limit;
    }

    @Override
    public byte[] extractData(ResultSet rs) throws SQLException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(Math.min(limit, 1000) * BYTES_PER_ROW);
        try (JsonGenerator page = json.createGenerator(out)) {
            page.writeStartObject();
            page.writeName(ITEMS);
            page.writeStartArray();
            int written = 0;
            boolean more = false;
            LocalDate lastBookingDate = null;
            String lastId = null;
            while (rs.next()) {
                if (written == limit) {
                    more = true;
                    break;
                }
                lastId = rs.getString(1);
                lastBookingDate = rs.getObject(6, LocalDate.class);
                writeRow(page, rs, lastId, lastBookingDate);
                written++;
            }
            page.writeEndArray();
            page.writeName(NEXT_CURSOR);
            if (more) {
                page.writeString(new TransactionCursor(lastBookingDate, UUID.fromString(lastId)).encode());
            } else {
                page.writeNull();
            }
            page.writeEndObject();
        }
        return out.toByteArray();
    }

    private static void writeRow(JsonGenerator page, ResultSet rs, String id, LocalDate bookingDate) throws SQLException {
        page.writeStartObject();
        page.writeName(NAMES[0]);
        page.writeString(id);
        for (int column = 2; column <= 23; column++) {
            page.writeName(NAMES[column - 1]);
            switch (column) {
                case 6 -> page.writeString(bookingDate.toString());
                case 7 -> writeDate(page, rs.getObject(7, LocalDate.class));
                case 8, 17 -> writeDecimal(page, rs.getBigDecimal(column));
                case 18 -> page.writeBoolean(rs.getBoolean(18));
                case 22, 23 -> writeTimestamp(page, rs.getObject(column, OffsetDateTime.class));
                default -> writeText(page, rs.getString(column));
            }
        }
        page.writeEndObject();
    }

    private static void writeText(JsonGenerator page, String value) {
        if (value == null) {
            page.writeNull();
        } else {
            page.writeString(value);
        }
    }

    private static void writeDate(JsonGenerator page, LocalDate value) {
        writeText(page, value == null ? null : value.toString());
    }

    // as @JsonFormat(shape = STRING) on the view: BigDecimal.toString()
    private static void writeDecimal(JsonGenerator page, BigDecimal value) {
        writeText(page, value == null ? null : value.toString());
    }

    // as Jackson's OffsetDateTimeSerializer: ISO-8601 with the offset the driver returns, seconds always written
    private static void writeTimestamp(JsonGenerator page, OffsetDateTime value) {
        writeText(page, value == null ? null : DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(value));
    }

    private static SerializedString[] names(String... names) {
        SerializedString[] encoded = new SerializedString[names.length];
        for (int i = 0; i < names.length; i++) {
            encoded[i] = new SerializedString(names[i]);
        }
        return encoded;
    }
}
