package com.meridian.ingest.stream;

import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;

import com.meridian.ingest.stream.internal.CommitBoundSink;
import com.meridian.ingest.stream.internal.CommitGroups;
import com.meridian.ingest.stream.internal.Ingested;
import com.meridian.ingest.stream.internal.JdbcPipelineWriter;
import com.meridian.ingest.stream.internal.SinkRows;
import com.meridian.ingest.stream.internal.UsageTotal;
import com.meridian.schemas.events.AccountKey;
import com.meridian.schemas.events.DeadLetter;

/**
 * Persistence: categorized transactions, usage totals and the dead letters of known tenants go to PostgreSQL at every
 * commit, in one database transaction per stream thread and commit (one statement per table and tenant, with the
 * tenant set for row-level security).
 * The writes are idempotent (upsert on the natural key, absolute totals, dead-letter ids from the source position),
 * so replaying input after a failure converges to the same rows: exactly once in effect.
 */
public final class PersistTransactionsTopology {

    static final String TRANSACTIONS_SINK = "persist-transactions-sink";
    static final String USAGE_SINK = "persist-usage-sink";
    static final String DEAD_LETTERS_SINK = "persist-dead-letters-sink";

    private final PipelineWriter writer;

    public PersistTransactionsTopology(PipelineWriter writer) {
        this.writer = writer;
    }

    /** Adds the three sinks to {@code builder}. */
    public void build(StreamsBuilder builder, KStream<AccountKey, Ingested> ingested, KStream<String, UsageTotal> totals,
            KStream<String, DeadLetter> deadLetters) {
        CommitGroups groups = new CommitGroups(writer::inOneTransaction);
        builder.addStateStore(CommitBoundSink.builder(TRANSACTIONS_SINK, writer::writeTransactions, groups));
        builder.addStateStore(CommitBoundSink.builder(USAGE_SINK, writer::writeUsage, groups));
        builder.addStateStore(CommitBoundSink.builder(DEAD_LETTERS_SINK, writer::writeDeadLetters, groups));
        ingested.process(() -> new SinkRows<AccountKey, Ingested>(TRANSACTIONS_SINK,
                        row -> row.categorized().tenantId() + "/" + row.categorized().transaction().accountId() + "/"
                                + row.identity()),
                Named.as("persist-transactions"), TRANSACTIONS_SINK);
        totals.process(() -> new SinkRows<String, UsageTotal>(USAGE_SINK, UsageTotal::counterKey),
                Named.as("persist-usage"), USAGE_SINK);
        deadLetters.filter((key, letter) -> letter.tenantId() != null, Named.as("persist-known-tenant"))
                .process(() -> new SinkRows<String, DeadLetter>(DEAD_LETTERS_SINK,
                                letter -> JdbcPipelineWriter.deadLetterId(letter).toString()),
                        Named.as("persist-dead-letters"), DEAD_LETTERS_SINK);
    }
}
