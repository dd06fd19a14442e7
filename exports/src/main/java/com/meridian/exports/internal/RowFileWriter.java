package com.meridian.exports.internal;

import java.io.Closeable;
import java.io.IOException;

/** Writes rows of a {@link RowSchema} to one file; the file is complete only after {@link #close()}. */
public interface RowFileWriter extends Closeable {

    void write(Object[] row) throws IOException;
}
