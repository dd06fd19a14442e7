package com.meridian.ingest.stream;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.state.Stores;

import com.meridian.categorizer.TransactionCategorizer;
import com.meridian.ingest.stream.internal.DeduplicateAndCategorize;
import com.meridian.ingest.stream.internal.Ingested;
import com.meridian.ingest.stream.internal.KnownTransaction;
import com.meridian.schemas.events.AccountKey;
import com.meridian.schemas.events.BankFeedTransaction;
import com.meridian.schemas.topics.JsonSerde;
import com.meridian.schemas.topics.Topics;

/**
 * De-duplication and categorization of valid transactions, per account, in input order.
 *
 * <p>A redelivered transaction (same tenant, account and source id, or the same fingerprint where the feed gives no
 * id) passes once; a changed one passes as {@code MODIFIED}; a removed one passes as {@code REMOVED} with the
 * category it had, once. What passes is categorized by the {@link TransactionCategorizer} (tenant rules, then the
 * model) and written to {@code meridian.transactions.categorized.v1}. The identities seen live in the changelogged
 * store {@value #IDENTITIES}, so a restarted or moved task remembers them.
 */
public final class CategorizeTransactionsTopology {

    /** The de-duplication store: one entry per transaction identity of an account. */
    public static final String IDENTITIES = "transaction-identities";

    private final TransactionCategorizer categorizer;
    private final PipelineMetrics metrics;

    public CategorizeTransactionsTopology(TransactionCategorizer categorizer, PipelineMetrics metrics) {
        this.categorizer = categorizer;
        this.metrics = metrics;
    }

    /** Adds de-duplication and categorization after {@code valid}; returns what passed, with its usage effect. */
    public KStream<AccountKey, Ingested> build(StreamsBuilder builder, KStream<AccountKey, BankFeedTransaction> valid) {
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(IDENTITIES),
                Serdes.String(), new JsonSerde<>(KnownTransaction.class)));
        KStream<AccountKey, Ingested> ingested = valid.process(
                () -> new DeduplicateAndCategorize(IDENTITIES, categorizer, metrics),
                Named.as("deduplicate-categorize"), IDENTITIES);
        ingested.mapValues(Ingested::categorized, Named.as("categorized"))
                .to(Topics.CATEGORIZED_TRANSACTIONS.name(), Produced.with(Topics.CATEGORIZED_TRANSACTIONS.keySerde(),
                        Topics.CATEGORIZED_TRANSACTIONS.valueSerde()).withName("categorized-sink"));
        return ingested;
    }
}
