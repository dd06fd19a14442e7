package com.meridian.schemas.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.meridian.schemas.topics.JsonSerde;
import com.meridian.schemas.topics.Topic;
import com.meridian.schemas.topics.Topics;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The money rule of the contracts: no amount, confidence or other decimal ever goes through {@code double} or
 * {@code float}, neither in a Java type on the wire nor as a JSON number in a schema nor in a reader's tree.
 */
class AmountsNeverUseFloatingPointTest {

    private static final Set<Class<?>> FLOATING_POINT = Set.of(double.class, Double.class, float.class, Float.class);

    @Test
    void noEventTypeHasAFloatingPointComponent() {
        List<String> offenders = new ArrayList<>();
        Topics.all().stream().flatMap(AmountsNeverUseFloatingPointTest::jsonTypes)
                .forEach(type -> collectFloatingPoint(type, offenders));

        assertThat(offenders).isEmpty();
    }

    @Test
    void noSchemaDeclaresAJsonNumber() throws IOException {
        for (Topic<?, ?> topic : Topics.all()) {
            for (String resource : Stream.of(topic.keySchema(), topic.valueSchema()).filter(r -> r != null).toList()) {
                assertThat(typesDeclaredIn(resource)).as(resource).doesNotContain("number");
            }
        }
    }

    @Test
    void treesReadByTheEventMapperHoldDecimalsNotDoubles() {
        JsonNode amount = EventJson.mapper().readTree("{\"amount\":-0.10}").get("amount");

        assertThat(amount.isBigDecimal()).isTrue();
        assertThat(amount.decimalValue()).hasToString("-0.10");
    }

    private static Stream<Class<?>> jsonTypes(Topic<?, ?> topic) {
        return Stream.of(topic.keySerde(), topic.valueSerde()).filter(JsonSerde.class::isInstance)
                .map(serde -> ((JsonSerde<?>) serde).type());
    }

    private static void collectFloatingPoint(Class<?> type, List<String> offenders) {
        for (RecordComponent component : type.getRecordComponents()) {
            if (FLOATING_POINT.contains(component.getType())) {
                offenders.add(type.getSimpleName() + "." + component.getName());
            }
            if (component.getType().isRecord()) {
                collectFloatingPoint(component.getType(), offenders);
            }
        }
    }

    private static List<String> typesDeclaredIn(String resource) throws IOException {
        try (InputStream in = AmountsNeverUseFloatingPointTest.class.getClassLoader().getResourceAsStream(resource)) {
            List<String> types = new ArrayList<>();
            collectTypes(EventJson.mapper().readTree(in), types);
            return types;
        }
    }

    private static void collectTypes(JsonNode node, List<String> types) {
        if (node.isObject() && node.has("type")) {
            types.add(node.get("type").asString());
        }
        node.values().forEach(child -> collectTypes(child, types));
    }
}
