package com.meridian.ingest.imports.internal;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import com.meridian.categorizer.CategoryDecision;
import com.meridian.ingest.imports.StatementEntry;

/**
 * A chunk as one text array per column, for an {@code insert ... select from unnest(...)}: one statement and one
 * round trip per chunk, the values cast server-side.
 */
final class EntryColumns {

    private final List<? extends PreparedEntry> items;

    EntryColumns(List<? extends PreparedEntry> items) {
        this.items = items;
    }

    String[] of(Function<PreparedEntry, Object> value) {
        String[] column = new String[items.size()];
        for (int i = 0; i < column.length; i++) {
            Object v = value.apply(items.get(i));
            column[i] = v == null ? null : v.toString();
        }
        return column;
    }

    String[] ofEntry(Function<StatementEntry, Object> value) {
        return of(p -> value.apply(p.staged().entry()));
    }

    String[] ofDecision(Function<CategoryDecision, Object> value) {
        return of(p -> value.apply(p.decision()));
    }

    /** The decision's detail, only when it decided a category (the tables require them together). */
    String[] ofCategorized(Function<CategoryDecision, Object> detail) {
        return of(p -> p.decision().categoryCode() == null ? null : detail.apply(p.decision()));
    }

    String[] status() {
        return ofEntry(e -> e.pending() ? "pending" : "booked");
    }

    String[] amount() {
        return ofEntry(e -> e.amount().stripTrailingZeros().toPlainString());
    }

    String[] decidedBy() {
        return ofCategorized(d -> d.decidedBy() == null ? null : d.decidedBy().name().toLowerCase(Locale.ROOT));
    }
}
