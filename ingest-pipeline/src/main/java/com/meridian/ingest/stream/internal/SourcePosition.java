package com.meridian.ingest.stream.internal;

import org.apache.kafka.streams.processor.api.ProcessingContext;
import org.apache.kafka.streams.processor.api.RecordMetadata;

/** Where a record was read from: the coordinates a dead letter names so a replay can skip what it replayed. */
public record SourcePosition(String topic, int partition, long offset) {

    static SourcePosition of(ProcessingContext context) {
        RecordMetadata metadata = context.recordMetadata()
                .orElseThrow(() -> new IllegalStateException("a source record always has metadata"));
        return new SourcePosition(metadata.topic(), metadata.partition(), metadata.offset());
    }

    /** {@code partition@offset}, the dead-letter table's entry reference. */
    public String entryRef() {
        return partition + "@" + offset;
    }
}
