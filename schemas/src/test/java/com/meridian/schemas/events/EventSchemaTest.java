package com.meridian.schemas.events;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.meridian.schemas.events.EventSamples.Sample;
import com.meridian.schemas.topics.Topic;
import com.meridian.schemas.topics.Topics;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

class EventSchemaTest {

    static List<Sample<?, ?>> samples() {
        return EventSamples.all();
    }

    static List<Topic<?, ?>> topics() {
        return Topics.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void serializedValueValidatesAgainstItsSchema(Sample<?, ?> sample) {
        assertThat(JsonSchemas.validate(sample.topic().valueSchema(), valueJson(sample))).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void serializedJsonKeyValidatesAgainstItsSchema(Sample<?, ?> sample) {
        if (sample.topic().keySchema() != null) {
            assertThat(JsonSchemas.validate(sample.topic().keySchema(), keyJson(sample))).isEmpty();
        }
    }

    @Test
    void accountKeyBytesAreCanonical() {
        assertThat(keyJson(EventSamples.FEED)).isEqualTo("{\"tenantId\":\"" + EventSamples.TENANT
                + "\",\"accountId\":\"" + EventSamples.ACCOUNT + "\"}");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("topics")
    void schemaIdIsItsClasspathLocationAndDraftIs2020_12(Topic<?, ?> topic) {
        for (String resource : schemaResources(topic)) {
            JsonNode schema = JsonSchemas.schema(resource).getSchemaNode();

            assertThat(schema.get("$id").stringValue()).isEqualTo(JsonSchemas.ID_BASE + resource);
            assertThat(schema.get("$schema").stringValue()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("topics")
    void valuesAreOpenForAdditiveChangesAndKeysAreClosed(Topic<?, ?> topic) {
        assertThat(JsonSchemas.schema(topic.valueSchema()).getSchemaNode().get("additionalProperties").booleanValue())
                .isTrue();
        if (topic.keySchema() != null) {
            assertThat(JsonSchemas.schema(topic.keySchema()).getSchemaNode().get("additionalProperties")
                    .booleanValue()).isFalse();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("topics")
    void schemaDeclaresExactlyTheFieldsTheSerdeWrites(Topic<?, ?> topic) {
        Set<String> written = new HashSet<>();
        EventSamples.all().stream().filter(s -> s.topic() == topic).forEach(s -> written.addAll(valueTree(s)
                .propertyNames()));

        assertThat(written).isEqualTo(declaredProperties(topic.valueSchema()));
    }

    @Test
    void nestedTransactionIsTheBankFeedContract() {
        JsonNode nested = valueTree(EventSamples.CATEGORIZED).get("transaction");

        assertThat(Set.copyOf(nested.propertyNames()))
                .isEqualTo(declaredProperties(Topics.BANK_FEED_TRANSACTIONS.valueSchema()));
    }

    static Stream<Violation> violations() {
        Sample<?, ?> feed = EventSamples.FEED;
        Sample<?, ?> removal = EventSamples.FEED_REMOVAL;
        Sample<?, ?> categorized = EventSamples.CATEGORIZED;
        Sample<?, ?> usage = EventSamples.USAGE;
        Sample<?, ?> deadLetter = EventSamples.DEAD_LETTER;
        return Stream.of(
                new Violation("amount as a JSON number", feed, true, o -> o.put("amount", -12.5), false),
                new Violation("lower-case currency", feed, true, o -> o.put("currency", "eur"), true),
                new Violation("bookingDate not ISO", feed, true, o -> o.put("bookingDate", "31.01.2025"), true),
                new Violation("tenantId not a UUID", feed, true, o -> o.put("tenantId", "acme"), true),
                new Violation("receivedAt missing", feed, true, o -> o.remove("receivedAt"), true),
                new Violation("receivedAt without zone", feed, true,
                        o -> o.put("receivedAt", "2025-02-01T08:15"), true),
                new Violation("mcc of 3 digits", feed, true, o -> o.put("mcc", "546"), true),
                new Violation("unknown source", feed, true, o -> o.put("source", "FAX"), true),
                new Violation("schemaVersion 2 on a v1 topic", feed, true, o -> o.put("schemaVersion", 2), true),
                new Violation("ADDED without amount", feed, true, o -> o.remove("amount"), true),
                new Violation("MODIFIED without sourceTransactionId", feed, true,
                        o -> o.put("changeType", "MODIFIED").remove("sourceTransactionId"), true),
                new Violation("REMOVED with neither id nor amount", removal, true,
                        o -> o.remove("sourceTransactionId"), true),
                new Violation("confidence above 1", categorized, true, o -> o.put("confidence", "1.5"), true),
                new Violation("confidence as a JSON number", categorized, true, o -> o.put("confidence", 0.9), false),
                new Violation("MODEL decision without modelVersion", categorized, true,
                        o -> o.remove("modelVersion"), true),
                new Violation("nested transaction broken", categorized, true,
                        o -> ((ObjectNode) o.get("transaction")).put("currency", "euro"), true),
                new Violation("quantity 0", usage, true, o -> o.put("quantity", 0), true),
                new Violation("quantity fractional", usage, true, o -> o.put("quantity", 1.5), true),
                new Violation("billing month 13", usage, true, o -> o.put("billingPeriod", "2025-13"), true),
                new Violation("metric with spaces", usage, true, o -> o.put("metric", "Transactions Categorized"),
                        true),
                new Violation("original value not base64", deadLetter, true, o -> o.put("originalValue", "***"),
                        true),
                new Violation("negative offset", deadLetter, true, o -> o.put("sourceOffset", -1), true),
                new Violation("key with an extra field", feed, false, o -> o.put("region", "eu"), false),
                new Violation("key with upper-case UUID", feed, false,
                        o -> o.put("tenantId", EventSamples.TENANT.toString().toUpperCase()), false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("violations")
    void schemaRejectsAViolatingDocument(Violation violation) {
        assertThat(JsonSchemas.validate(violation.schema(), violation.json())).isNotEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("violations")
    void serdeRejectsWhatTheSchemaRejectsExceptWhereItIsLenient(Violation violation) {
        Deserializer<?> reader = violation.deserializer();
        byte[] bytes = violation.json().getBytes(UTF_8);

        if (violation.serdeRejects()) {
            assertThatThrownBy(() -> reader.deserialize("t", bytes)).isInstanceOf(SerializationException.class);
        }
        else {
            assertThat(reader.deserialize("t", bytes)).isNotNull();
        }
    }

    /** A sample whose key or value JSON is edited to break its schema. */
    record Violation(String name, Sample<?, ?> sample, boolean onValue, Consumer<ObjectNode> edit,
            boolean serdeRejects) {

        String schema() {
            return onValue ? sample.topic().valueSchema() : sample.topic().keySchema();
        }

        String json() {
            ObjectNode tree = (ObjectNode) EventJson.mapper().readTree(onValue ? valueJson(sample) : keyJson(sample));
            edit.accept(tree);
            return EventJson.mapper().writeValueAsString(tree);
        }

        Deserializer<?> deserializer() {
            return onValue ? sample.topic().valueSerde().deserializer() : sample.topic().keySerde().deserializer();
        }

        @Override
        public String toString() {
            return name;
        }
    }

    private static List<String> schemaResources(Topic<?, ?> topic) {
        return topic.keySchema() == null ? List.of(topic.valueSchema())
                : List.of(topic.keySchema(), topic.valueSchema());
    }

    private static Set<String> declaredProperties(String resource) {
        return Set.copyOf(JsonSchemas.schema(resource).getSchemaNode().get("properties").propertyNames());
    }

    private static JsonNode valueTree(Sample<?, ?> sample) {
        return EventJson.mapper().readTree(valueJson(sample));
    }

    static String valueJson(Sample<?, ?> sample) {
        return serialize(sample.topic().valueSerde().serializer(), sample.value());
    }

    static String keyJson(Sample<?, ?> sample) {
        return serialize(sample.topic().keySerde().serializer(), sample.key());
    }

    @SuppressWarnings("unchecked")
    private static <T> String serialize(Serializer<T> serializer, Object value) {
        return new String(serializer.serialize("t", (T) value), UTF_8);
    }
}
