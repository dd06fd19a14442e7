package com.meridian.ingest.stream.internal;

import java.util.function.Function;

import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/** Puts each record's value into a {@link CommitBoundSink}, under the natural key {@code keyOf} gives it. */
public final class SinkRows<K, V> implements Processor<K, V, Void, Void> {

    private final String storeName;
    private final Function<V, String> keyOf;
    private CommitBoundSink<String, V> sink;

    public SinkRows(String storeName, Function<V, String> keyOf) {
        this.storeName = storeName;
        this.keyOf = keyOf;
    }

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        this.sink = context.getStateStore(storeName);
    }

    @Override
    public void process(Record<K, V> record) {
        sink.put(keyOf.apply(record.value()), record.value());
    }
}
