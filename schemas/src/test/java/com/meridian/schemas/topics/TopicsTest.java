package com.meridian.schemas.topics;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class TopicsTest {

    private static final long SEVEN_DAYS_MS = 604_800_000L;

    private static final long THIRTY_DAYS_MS = 2_592_000_000L;

    @Test
    void namesAreUnique() {
        assertThat(Topics.all()).extracting(Topic::name).doesNotHaveDuplicates();
    }

    @Test
    void allListsEveryConstantAndNoMutableStaticExists() throws IllegalAccessException {
        Field[] fields = Topics.class.getDeclaredFields();

        assertThat(fields).allMatch(f -> Modifier.isStatic(f.getModifiers()) && Modifier.isFinal(f.getModifiers()));
        assertThat(Topics.all()).containsExactlyInAnyOrderElementsOf(Arrays.stream(fields)
                .filter(f -> f.getType() == Topic.class && Modifier.isPublic(f.getModifiers()))
                .map(TopicsTest::valueOf).toList());
    }

    @Test
    void allIsImmutable() {
        assertThatThrownBy(() -> Topics.all().clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    static Stream<Arguments> documentedTopics() {
        return Stream.of(
                Arguments.of(Topics.BANK_FEED_TRANSACTIONS, "meridian.bank-feed.transactions.v1", 12, SEVEN_DAYS_MS),
                Arguments.of(Topics.CATEGORIZED_TRANSACTIONS, "meridian.transactions.categorized.v1", 12,
                        SEVEN_DAYS_MS),
                Arguments.of(Topics.USAGE_EVENTS, "meridian.usage.events.v1", 6, THIRTY_DAYS_MS),
                Arguments.of(Topics.DEAD_LETTERS, "meridian.dead-letters.v1", 3, THIRTY_DAYS_MS));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("documentedTopics")
    void newTopicCarriesTheDocumentedSettings(Topic<?, ?> topic, String name, int partitions, long retentionMs) {
        NewTopic newTopic = topic.newTopic();

        assertThat(newTopic.name()).isEqualTo(name);
        assertThat(newTopic.numPartitions()).isEqualTo(partitions);
        assertThat(newTopic.replicationFactor()).as("broker default").isEqualTo((short) -1);
        assertThat(newTopic.configs()).isEqualTo(Map.of("cleanup.policy", "delete",
                "retention.ms", Long.toString(retentionMs)));
    }

    @Test
    void partitionCountCanBeOverriddenPerEnvironment() {
        assertThat(Topics.USAGE_EVENTS.newTopic(1).numPartitions()).isEqualTo(1);
        assertThat(Topics.USAGE_EVENTS.newTopic(1).configs()).isEqualTo(Topics.USAGE_EVENTS.configs());
    }

    @Test
    void accountKeyedTopicsAreCoPartitioned() {
        assertThat(Topics.BANK_FEED_TRANSACTIONS.defaultPartitions())
                .isEqualTo(Topics.CATEGORIZED_TRANSACTIONS.defaultPartitions());
        assertThat(Topics.BANK_FEED_TRANSACTIONS.keySerde()).isSameAs(Topics.CATEGORIZED_TRANSACTIONS.keySerde());
    }

    @Test
    void tenantKeysAreTheSameBytesOnUsageAndDeadLetterTopics() {
        UUID tenant = UUID.fromString("7f1c2d3e-4b5a-4c6d-8e9f-0a1b2c3d4e5f");

        byte[] usageKey = Topics.USAGE_EVENTS.keySerde().serializer().serialize("t", tenant);
        byte[] deadLetterKey = Topics.DEAD_LETTERS.keySerde().serializer().serialize("t", tenant.toString());

        assertThat(usageKey).isEqualTo(deadLetterKey).isEqualTo(tenant.toString().getBytes(UTF_8));
        assertThat(Topics.USAGE_EVENTS.keySerde().deserializer().deserialize("t", usageKey)).isEqualTo(tenant);
    }

    @Test
    void tenantKeyMustBeACanonicalUuid() {
        var deserializer = Topics.USAGE_EVENTS.keySerde().deserializer();

        Stream.of("unknown", "1-1-1-1-1", "7F1C2D3E-4B5A-4C6D-8E9F-0A1B2C3D4E5F").forEach(key -> assertThatThrownBy(
                () -> deserializer.deserialize("meridian.usage.events.v1", key.getBytes(UTF_8)))
                .isInstanceOf(SerializationException.class).hasMessageContaining("meridian.usage.events.v1"));
    }

    @Test
    void topicRejectsANameOutsideTheConvention() {
        assertThatThrownBy(() -> new Topic<>("transactions", Topics.DEAD_LETTERS.keySerde(),
                Topics.DEAD_LETTERS.valueSerde(), 1, CleanupPolicy.DELETE, Duration.ofDays(1), null, "x.json"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("transactions");
    }

    private static Topic<?, ?> valueOf(Field field) {
        try {
            return (Topic<?, ?>) field.get(null);
        }
        catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }
}
