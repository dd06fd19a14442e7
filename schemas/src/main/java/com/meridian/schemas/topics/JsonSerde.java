package com.meridian.schemas.topics;

import com.meridian.schemas.events.EventJson;
import java.util.Objects;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.ObjectWriter;

/**
 * Serde of one event type as UTF-8 JSON, mapped by {@link EventJson}. Stateless and immutable: {@code configure}
 * and {@code close} do nothing, so one instance is shared by every client of a topic.
 *
 * <p>A null record (tombstone) maps to null both ways. Bytes that are not a valid {@code T} (not JSON, trailing
 * content, a missing required field, a broken invariant) raise {@link SerializationException}, which Kafka
 * Streams' {@code DeserializationExceptionHandler} and the consumers' error handlers expect. Its message names the
 * type, topic and size and Jackson's reason, which may quote the offending token but never the whole payload
 * (customer data); the Jackson exception, with the JSON path, is the cause.
 *
 * @param <T> the event type
 */
public final class JsonSerde<T> implements Serde<T> {

    private final Class<T> type;

    private final ObjectReader reader;

    private final ObjectWriter writer;

    public JsonSerde(Class<T> type) {
        this.type = Objects.requireNonNull(type, "type");
        this.reader = EventJson.mapper().readerFor(type);
        this.writer = EventJson.mapper().writerFor(type);
    }

    /** The event type this serde maps. */
    public Class<T> type() {
        return type;
    }

    @Override
    public Serializer<T> serializer() {
        return this::serialize;
    }

    @Override
    public Deserializer<T> deserializer() {
        return this::deserialize;
    }

    private byte[] serialize(String topic, T value) {
        if (value == null) {
            return null;
        }
        try {
            return writer.writeValueAsBytes(value);
        }
        catch (JacksonException e) {
            throw new SerializationException("Cannot write " + type.getSimpleName() + " to " + topic + ": "
                    + e.getOriginalMessage(), e);
        }
    }

    private T deserialize(String topic, byte[] bytes) {
        if (bytes == null) {
            return null;
        }
        try {
            return reader.readValue(bytes);
        }
        catch (JacksonException e) {
            throw new SerializationException("Cannot read " + type.getSimpleName() + " from " + bytes.length
                    + " bytes of " + topic + ": " + e.getOriginalMessage(), e);
        }
    }

    @Override
    public String toString() {
        return "JsonSerde[" + type.getName() + "]";
    }
}
