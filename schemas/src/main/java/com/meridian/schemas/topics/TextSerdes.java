package com.meridian.schemas.topics;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.util.UUID;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Serdes of plain UTF-8 text keys. Unlike Kafka's {@code Serdes.String()} and {@code Serdes.UUID()}, whose encoding
 * {@code configure} can change, these are fixed to UTF-8 and hold no state, so they can be shared constants.
 * A tenant id is the same bytes as a {@code UUID} and as its {@code String}, so tenant-keyed topics partition alike.
 */
final class TextSerdes {

    private TextSerdes() {
    }

    static Serde<String> utf8() {
        Serializer<String> serializer = (topic, text) -> text == null ? null : text.getBytes(UTF_8);
        Deserializer<String> deserializer = (topic, bytes) -> bytes == null ? null : new String(bytes, UTF_8);
        return Serdes.serdeFrom(serializer, deserializer);
    }

    static Serde<UUID> uuid() {
        Serializer<UUID> serializer = (topic, id) -> id == null ? null : id.toString().getBytes(UTF_8);
        Deserializer<UUID> deserializer = (topic, bytes) -> bytes == null ? null : parseUuid(topic, bytes);
        return Serdes.serdeFrom(serializer, deserializer);
    }

    // only the canonical form is accepted: UUID.fromString also takes "1-1-1-1-1", whose bytes would partition apart
    private static UUID parseUuid(String topic, byte[] bytes) {
        String text = new String(bytes, UTF_8);
        try {
            UUID id = UUID.fromString(text);
            if (id.toString().equals(text)) {
                return id;
            }
        }
        catch (IllegalArgumentException e) {
            // reported below, like a non-canonical id
        }
        throw new SerializationException("Cannot read a canonical lower-case UUID key from " + bytes.length
                + " bytes of " + topic);
    }
}
