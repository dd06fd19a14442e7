package com.meridian.ingest.stream;

import java.util.Map;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;

import com.meridian.ingest.stream.IngestStreamsProperties.ValidationLimits;
import com.meridian.ingest.stream.internal.Checked;
import com.meridian.ingest.stream.internal.TransactionValidator;
import com.meridian.ingest.stream.internal.ValidateRecords;
import com.meridian.schemas.events.AccountKey;
import com.meridian.schemas.events.BankFeedTransaction;
import com.meridian.schemas.events.DeadLetter;
import com.meridian.schemas.topics.Topics;

/**
 * Validation, the pipeline's entrance: reads {@code meridian.bank-feed.transactions.v1} as raw bytes and lets
 * through only transactions that decode and pass the rules of {@link TransactionValidator} (known tenant and
 * account, ISO 4217 currency and its minor units, plausible dates). Every other record goes to
 * {@code meridian.dead-letters.v1} with its reason code and its original key and value bytes, in the same Kafka
 * transaction, and is counted in {@code meridian.ingest.dead.letters}. Nothing is dropped.
 */
public final class ValidateTransactionsTopology {

    private final TransactionValidator validator;
    private final PipelineMetrics metrics;

    public ValidateTransactionsTopology(AccountDirectory directory, ValidationLimits limits, PipelineMetrics metrics) {
        this.validator = new TransactionValidator(directory, limits);
        this.metrics = metrics;
    }

    /** Adds validation to {@code builder}; returns the valid transactions and the dead letters. */
    public Validated build(StreamsBuilder builder) {
        KStream<AccountKey, Checked> checked = builder
                .stream(Topics.BANK_FEED_TRANSACTIONS.name(),
                        Consumed.with(Serdes.ByteArray(), Serdes.ByteArray()).withName("bank-feed-source"))
                .process(() -> new ValidateRecords(validator, metrics), Named.as("validate"));
        Map<String, KStream<AccountKey, Checked>> branches = checked.split(Named.as("validate-"))
                .branch((key, value) -> value.isValid(), Branched.as("valid"))
                .defaultBranch(Branched.as("rejected"));
        KStream<String, DeadLetter> deadLetters = branches.get("validate-rejected")
                .map((key, value) -> KeyValue.pair(value.deadLetter().key(), value.deadLetter()),
                        Named.as("validate-dead-letter"));
        deadLetters.to(Topics.DEAD_LETTERS.name(), Produced.with(Topics.DEAD_LETTERS.keySerde(),
                Topics.DEAD_LETTERS.valueSerde()).withName("validate-dead-letters-sink"));
        KStream<AccountKey, BankFeedTransaction> valid = branches.get("validate-valid")
                .mapValues(Checked::transaction, Named.as("validate-transaction"));
        return new Validated(valid, deadLetters);
    }

    /**
     * The two outputs of validation.
     *
     * @param transactions valid transactions, keyed by account as they came in
     * @param deadLetters the refused records' dead letters, keyed by tenant (or {@code unknown})
     */
    public record Validated(KStream<AccountKey, BankFeedTransaction> transactions,
            KStream<String, DeadLetter> deadLetters) {
    }
}
