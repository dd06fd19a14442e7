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
}
