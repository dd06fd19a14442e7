package com.meridian.ingest.stream.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.UUID;

import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

import com.meridian.schemas.topics.JsonSerde;

class UsageTotalSerdeTest {

    private final UsageTotalSerde serde = new UsageTotalSerde();
    private final UsageTotal total = new UsageTotal(UUID.fromString("6f1c1e0a-3f4b-4c39-9a53-0d8f3a2b7c11"),
            "transactions.categorized", "billing_period", Instant.parse("2026-10-31T23:00:00Z"),
            Instant.parse("2026-11-30T23:00:00.000000001Z"), -42);

    @Test
    void aTotalSurvivesTheRoundTripExactly() {
        byte[] bytes = serde.serializer().serialize("usage-counters", total);

        assertThat(serde.deserializer().deserialize("usage-counters", bytes)).isEqualTo(total);
        assertThat(bytes.length).isLessThan(new JsonSerde<>(UsageTotal.class).serializer()
                .serialize("usage-counters", total).length / 2);
    }

    @Test
    void aTotalWrittenAsJsonBeforeTheBinaryFormatIsStillRead() {
        byte[] legacy = new JsonSerde<>(UsageTotal.class).serializer().serialize("usage-pending-changelog", total);

        assertThat(serde.deserializer().deserialize("usage-pending-changelog", legacy)).isEqualTo(total);
    }

    @Test
    void nullStaysNullBothWays() {
        assertThat(serde.serializer().serialize("t", null)).isNull();
        assertThat(serde.deserializer().deserialize("t", null)).isNull();
    }

    @Test
    void bytesOfAnotherFormatOrCutShortAreRefusedWithTheReason() {
        byte[] bytes = serde.serializer().serialize("t", total);

        assertThatThrownBy(() -> serde.deserializer().deserialize("t", Arrays.copyOf(bytes, bytes.length - 3)))
                .isInstanceOf(SerializationException.class).hasMessageContaining("truncated");
        assertThatThrownBy(() -> serde.deserializer().deserialize("t", Arrays.copyOf(bytes, bytes.length + 1)))
                .isInstanceOf(SerializationException.class).hasMessageContaining("left over");
        assertThatThrownBy(() -> serde.deserializer().deserialize("t", "garbage".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(SerializationException.class).hasMessageContaining("unknown format");
        assertThatThrownBy(() -> serde.deserializer().deserialize("t", new byte[0]))
                .isInstanceOf(SerializationException.class).hasMessageContaining("(empty)");
    }
}
