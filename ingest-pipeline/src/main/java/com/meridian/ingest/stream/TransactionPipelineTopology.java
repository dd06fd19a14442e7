package com.meridian.ingest.stream;

import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.KStream;

import com.meridian.ingest.stream.ValidateTransactionsTopology.Validated;
import com.meridian.ingest.stream.internal.Ingested;
import com.meridian.ingest.stream.internal.UsageTotal;
import com.meridian.schemas.events.AccountKey;

/**
 * The whole real-time pipeline: validate, de-duplicate and categorize, meter, persist. Records of one account stay
 * on one partition (and task) from the bank-feed topic to PostgreSQL; only metering repartitions, by usage counter.
 */
public final class TransactionPipelineTopology {

    private final ValidateTransactionsTopology validate;
    private final CategorizeTransactionsTopology categorize;
    private final MeterTenantUsageTopology meter;
    private final PersistTransactionsTopology persist;

    public TransactionPipelineTopology(ValidateTransactionsTopology validate, CategorizeTransactionsTopology categorize,
            MeterTenantUsageTopology meter, PersistTransactionsTopology persist) {
        this.validate = validate;
        this.categorize = categorize;
        this.meter = meter;
        this.persist = persist;
    }

    /** Adds every stage to {@code builder}. */
    public void build(StreamsBuilder builder) {
        Validated validated = validate.build(builder);
        KStream<AccountKey, Ingested> ingested = categorize.build(builder, validated.transactions());
        KStream<String, UsageTotal> totals = meter.build(ingested);
        persist.build(builder, ingested, totals, validated.deadLetters());
    }
}
