package com.meridian.ingest.stream.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.UUID;

import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

import com.meridian.schemas.topics.JsonSerde;

/**
 * The serde of usage sums inside the metering stage (its pending store, repartition topic and totals store), none of
 * which leaves the application: a fixed binary layout behind a format byte, because metering reads and writes two
 * sums per transaction and JSON's text dates made that a tenth of the stream thread's time.
 *
 * <p>Changelogs written before this format hold JSON; a value whose first byte is {@code '{'} is still read as
 * JSON, so a running deployment upgrades without resetting its state.
 */
public final class UsageTotalSerde implements Serde<UsageTotal> {

    private static final byte FORMAT = 1;
    private static final byte LEGACY_JSON = '{';
    private static final JsonSerde<UsageTotal> LEGACY = new JsonSerde<>(UsageTotal.class);

    @Override
    public Serializer<UsageTotal> serializer() {
        return (topic, total) -> total == null ? null : write(total);
    }

    @Override
    public Deserializer<UsageTotal> deserializer() {
        return this::read;
    }

    private static byte[] write(UsageTotal total) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(96);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(FORMAT);
            out.writeLong(total.tenantId().getMostSignificantBits());
            out.writeLong(total.tenantId().getLeastSignificantBits());
            out.writeUTF(total.metric());
            out.writeUTF(total.periodKind());
            writeInstant(out, total.periodStart());
            writeInstant(out, total.periodEnd());
            out.writeLong(total.quantity());
        } catch (IOException e) {
            throw new SerializationException("Cannot write a usage total", e);
        }
        return bytes.toByteArray();
    }

    private UsageTotal read(String topic, byte[] bytes) {
        if (bytes == null) {
            return null;
        }
        if (bytes.length > 0 && bytes[0] == LEGACY_JSON) {
            return LEGACY.deserializer().deserialize(topic, bytes);
        }
        if (bytes.length == 0 || bytes[0] != FORMAT) {
            throw new SerializationException("Cannot read a usage total from " + bytes.length + " bytes of " + topic
                    + ": unknown format " + (bytes.length == 0 ? "(empty)" : bytes[0]));
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes, 1, bytes.length - 1))) {
            UsageTotal total = new UsageTotal(new UUID(in.readLong(), in.readLong()), in.readUTF(), in.readUTF(),
                    readInstant(in), readInstant(in), in.readLong());
            if (in.available() != 0) {
                throw new SerializationException("Cannot read a usage total from " + bytes.length + " bytes of "
                        + topic + ": " + in.available() + " bytes left over");
            }
            return total;
        } catch (IOException e) {
            throw new SerializationException("Cannot read a usage total from " + bytes.length + " bytes of " + topic
                    + ": truncated", e);
        }
    }

    private static void writeInstant(DataOutputStream out, Instant instant) throws IOException {
        out.writeLong(instant.getEpochSecond());
        out.writeInt(instant.getNano());
    }

    private static Instant readInstant(DataInputStream in) throws IOException {
        return Instant.ofEpochSecond(in.readLong(), in.readInt());
    }
}
