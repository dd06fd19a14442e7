package com.meridian.ingest.stream.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * Sums a task's usage deltas per counter and hands the sums on once per interval, instead of sending every
 * transaction's two deltas (hour, billing period) through the repartition topic to the counters' tasks.
 *
 * <p>Exactly once: the sums live in a changelogged store, so a crash between two hand-overs loses nothing (the store
 * comes back as of the last commit and the input after it is processed again), and a hand-over forwards and deletes
 * the sums in the same Kafka transaction. The store is cached, so its changelog gets one record per counter and
 * commit, not one per transaction.
 */
public final class AccumulateUsage implements ProcessorSupplier<String, UsageTotal, String, UsageTotal> {

    private final String storeName;
    private final Serde<UsageTotal> serde;
    private final Duration interval;

    public AccumulateUsage(String storeName, Serde<UsageTotal> serde, Duration interval) {
        this.storeName = storeName;
        this.serde = serde;
        this.interval = interval;
    }

    @Override
    public Set<StoreBuilder<?>> stores() {
        return Set.of(Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(storeName), Serdes.String(), serde)
                .withCachingEnabled());
    }

    @Override
    public Processor<String, UsageTotal, String, UsageTotal> get() {
        return new Processor<>() {

            private ProcessorContext<String, UsageTotal> context;
            private KeyValueStore<String, UsageTotal> pending;

            @Override
            public void init(ProcessorContext<String, UsageTotal> context) {
                this.context = context;
                this.pending = context.getStateStore(storeName);
                context.schedule(interval, PunctuationType.WALL_CLOCK_TIME, this::handOver);
            }

            @Override
            public void process(Record<String, UsageTotal> delta) {
                UsageTotal before = pending.get(delta.key());
                pending.put(delta.key(), before == null ? delta.value() : before.plus(delta.value()));
            }

            private void handOver(long now) {
                List<KeyValue<String, UsageTotal>> sums = new ArrayList<>();
                try (KeyValueIterator<String, UsageTotal> all = pending.all()) {
                    all.forEachRemaining(sums::add);
                }
                for (KeyValue<String, UsageTotal> sum : sums) {
                    if (sum.value.quantity() != 0) { // an addition and its removal in one interval change nothing
                        context.forward(new Record<>(sum.key, sum.value, now));
                    }
                    pending.delete(sum.key);
                }
            }
        };
    }
}
