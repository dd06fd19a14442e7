package com.meridian.ingest.stream;

import java.util.List;

import com.meridian.ingest.stream.internal.Ingested;
import com.meridian.ingest.stream.internal.UsageTotal;
import com.meridian.schemas.events.DeadLetter;

/**
 * Where the persistence stage writes its batches; each method is called once per commit with what the commit
 * covers, and must be idempotent (a batch may be written again after a failure).
 */
public interface PipelineWriter {

    /** Upserts categorized transactions on their natural key. */
    void writeTransactions(List<Ingested> batch);

    /** Sets usage counters to the absolute totals given. */
    void writeUsage(List<UsageTotal> batch);

    /** Records dead letters of known tenants, once each. */
    void writeDeadLetters(List<DeadLetter> batch);

    /** Runs the writes of one commit (several of the methods above, several tenants) in one transaction. */
    default void inOneTransaction(Runnable writes) {
        writes.run();
    }
}
