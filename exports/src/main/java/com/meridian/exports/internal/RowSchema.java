package com.meridian.exports.internal;

import java.time.LocalDate;
import java.util.List;

/**
 * The columns of the rows an export writes, and where in a row the writer finds the values it needs for
 * itself: the date that picks the month partition, and the amount (at {@code amountScale}) and currency that
 * feed the totals. Those may sit after the written columns, when the analyst did not ask to see them.
 */
public record RowSchema(List<Field> fields, int monthIndex, int amountIndex, int currencyIndex, int amountScale) {

    public RowSchema {
        fields = List.copyOf(fields);
    }

    public int size() {
        return fields.size();
    }

    public Field field(int index) {
        return fields.get(index);
    }

    /** The booked month of a row, {@code yyyy-MM}. */
    public String month(Object[] row) {
        return ((LocalDate) row[monthIndex]).toString().substring(0, 7);
    }
}
