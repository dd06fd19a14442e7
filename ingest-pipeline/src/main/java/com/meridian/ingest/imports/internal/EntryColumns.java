package com.meridian.ingest.imports.internal;

import java.util.List;
import java.util.Locale;

import com.meridian.categorizer.CategoryDecision;
import com.meridian.ingest.imports.StatementEntry;

/**
 * An entry as the texts of its table columns, made on the read-ahead thread ({@link #row}), and a chunk as one
 * text array per column ({@link #column}) for an {@code insert ... select from unnest(...)}: one statement and
 * one round trip per chunk, the values cast server-side, and little work left on the step's thread.
 */
final class EntryColumns {

    static final int POSITION = 0;
    static final int ENTRY_REF = 1;
    static final int ACCOUNT = 2;
    static final int SOURCE_ID = 3;
    static final int FINGERPRINT = 4;
    static final int OCCURRENCE = 5;
    static final int STATUS = 6;
    static final int BOOKING_DATE = 7;
    static final int VALUE_DATE = 8;
    static final int AMOUNT = 9;
    static final int CURRENCY = 10;
    static final int COUNTERPARTY_NAME = 11;
    static final int COUNTERPARTY_ACCOUNT = 12;
    static final int DESCRIPTION = 13;
    static final int BANK_TRANSACTION_CODE = 14;
    static final int CATEGORY_CODE = 15;
    static final int CATEGORY_CONFIDENCE = 16;
    static final int NEEDS_REVIEW = 17;
    static final int MODEL_VERSION = 18;
    static final int CATEGORIZED_BY = 19;
    static final int CATEGORY_RULE_ID = 20;
    private static final int COUNT = 21;

    private final List<? extends PreparedEntry> items;

    EntryColumns(List<? extends PreparedEntry> items) {
        this.items = items;
    }

    String[] column(int index) {
        String[] column = new String[items.size()];
        for (int i = 0; i < column.length; i++) {
            column[i] = items.get(i).row()[index];
        }
        return column;
    }

    static String[] row(StagedEntry staged, int occurrence, CategoryDecision decision) {
        StatementEntry entry = staged.entry();
        boolean categorized = decision.categoryCode() != null; // the tables require the details with a category only
        String[] row = new String[COUNT];
        row[POSITION] = Long.toString(entry.position());
        row[ENTRY_REF] = entry.entryRef();
        row[ACCOUNT] = staged.accountId().toString();
        row[SOURCE_ID] = entry.sourceId();
        row[FINGERPRINT] = staged.fingerprint();
        row[OCCURRENCE] = Integer.toString(occurrence);
        row[STATUS] = entry.pending() ? "pending" : "booked";
        row[BOOKING_DATE] = text(entry.bookingDate());
        row[VALUE_DATE] = text(entry.valueDate());
        row[AMOUNT] = entry.amount().stripTrailingZeros().toPlainString();
        row[CURRENCY] = entry.currency();
        row[COUNTERPARTY_NAME] = entry.counterpartyName();
        row[COUNTERPARTY_ACCOUNT] = entry.counterpartyAccount();
        row[DESCRIPTION] = entry.description();
        row[BANK_TRANSACTION_CODE] = entry.bankTransactionCode();
        row[CATEGORY_CODE] = decision.categoryCode();
        row[CATEGORY_CONFIDENCE] = categorized ? text(decision.confidence()) : null;
        row[NEEDS_REVIEW] = Boolean.toString(decision.needsReview());
        row[MODEL_VERSION] = categorized ? decision.modelVersion() : null;
        row[CATEGORIZED_BY] = categorized && decision.decidedBy() != null
                ? decision.decidedBy().name().toLowerCase(Locale.ROOT) : null;
        row[CATEGORY_RULE_ID] = categorized ? text(decision.ruleId()) : null;
        return row;
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
