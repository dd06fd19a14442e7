package com.meridian.ingest.jobs;

/**
 * How far a step's reader is through its input, in its own unit (bytes of a file, rows of a table). Read on the
 * step's thread after a chunk; a total of zero or less means unknown.
 */
public interface ProgressSource {

    /** Where the reader is now. */
    long position();

    /** Where this execution started: zero, or where a restarted step picked up. */
    long resumedAt();

    /** The size of the whole input. */
    long total();
}
