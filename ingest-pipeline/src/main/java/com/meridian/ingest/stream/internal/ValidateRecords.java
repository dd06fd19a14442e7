package com.meridian.ingest.stream.internal;

import java.time.Instant;

import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

import com.meridian.ingest.stream.PipelineMetrics;
import com.meridian.schemas.events.AccountKey;

/** Runs {@link TransactionValidator} on each raw record and counts the outcome; forwards every record either way. */
public final class ValidateRecords implements Processor<byte[], byte[], AccountKey, Checked> {

    private final TransactionValidator validator;
    private final PipelineMetrics metrics;
    private ProcessorContext<AccountKey, Checked> context;

    public ValidateRecords(TransactionValidator validator, PipelineMetrics metrics) {
        this.validator = validator;
        this.metrics = metrics;
    }

    @Override
    public void init(ProcessorContext<AccountKey, Checked> context) {
        this.context = context;
    }

    @Override
    public void process(Record<byte[], byte[]> record) {
        // the dead letter's time is the record's, not the wall clock's, so that a replay writes the same letter
        Checked checked = validator.check(record.key(), record.value(), SourcePosition.of(context),
                Instant.ofEpochMilli(record.timestamp()));
        if (checked.isValid()) {
            metrics.record("accepted");
        } else {
            metrics.deadLetter(TransactionValidator.STAGE, checked.deadLetter().reasonCode());
        }
        context.forward(record.withKey(checked.key()).withValue(checked));
    }
}
