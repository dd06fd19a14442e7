package com.meridian.ingest.imports;

import java.io.Closeable;
import java.io.IOException;

import com.meridian.ingest.jobs.RejectedEntryException;

/**
 * Reads the entries of one statement document in file order, streaming: memory does not grow with the file.
 * A broken entry is consumed and then reported as a {@link RejectedEntryException}, so the next call continues
 * with the entry after it; a broken document (not the format it claimed, truncated) is an
 * {@link UnreadableStatementException}.
 */
public interface StatementParser extends Closeable {

    /** The next entry, or null at the end of the document. */
    StatementEntry next() throws IOException;
}
