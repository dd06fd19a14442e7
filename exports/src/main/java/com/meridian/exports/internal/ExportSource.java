package com.meridian.exports.internal;

import java.util.List;

/**
 * Rows of one export read from PostgreSQL inside the export's tenant, page by page, in booking order.
 * {@link #schema()} and {@link #total()} are known before the first page, from a measuring query.
 */
public interface ExportSource {

    RowSchema schema();

    /** How many rows the export will have, for progress and estimates. */
    long total();

    /** The next page of rows; empty when there are no more. */
    List<Object[]> nextPage();

    /**
     * Where the rows after {@code row} start, as text a restarted run hands to {@link #resumeAfter}; null when this
     * source cannot continue midway and a restarted run starts over.
     */
    default String positionAfter(Object[] row) {
        return null;
    }

    /** Continues after a position from {@link #positionAfter}, before the first page is read. */
    default void resumeAfter(String position) {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " cannot resume midway");
    }
}
