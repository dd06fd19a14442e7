package com.meridian.schemas.topics;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.meridian.schemas.events.AccountKey;
import com.meridian.schemas.events.BankFeedTransaction;
import com.meridian.schemas.events.DeadLetter;
import com.meridian.schemas.events.EventJson;
import com.meridian.schemas.events.EventSamples;
import com.meridian.schemas.events.EventSamples.Sample;
import java.math.BigDecimal;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serde;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.node.ObjectNode;

class JsonSerdeTest {

    static List<Sample<?, ?>> samples() {
        return EventSamples.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void keyAndValueSurviveTheirTopicsSerdes(Sample<?, ?> sample) {
        assertRoundTrip(sample);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void readersIgnoreFieldsAddedByANewerWriter(Sample<?, ?> sample) {
        ObjectNode newer = EventJson.mapper().valueToTree(sample.value());
        newer.put("addedInV1Point7", "ignored by older readers");
        newer.set("nestedAddition", EventJson.mapper().readTree("{\"a\":[1,2,{\"b\":null}]}"));

        String json = EventJson.mapper().writeValueAsString(newer);

        assertThat(read(sample.topic().valueSerde(), json)).isEqualTo(sample.value());
    }

    @Test
    void amountIsAJsonStringThatKeepsItsScale() {
        BankFeedTransaction tenCentsOut = withAmount(new BigDecimal("-0.10"));

        String json = write(Topics.BANK_FEED_TRANSACTIONS.valueSerde(), tenCentsOut);
        BankFeedTransaction read = read(Topics.BANK_FEED_TRANSACTIONS.valueSerde(), json);

        assertThat(json).contains("\"amount\":\"-0.10\"");
        assertThat(read.amount()).isEqualTo(new BigDecimal("-0.10")).hasToString("-0.10");
        assertThat(read.amount().scale()).isEqualTo(2);
    }

    @Test
    void amountIsWrittenPlainNeverInExponentNotation() {
        String json = write(Topics.BANK_FEED_TRANSACTIONS.valueSerde(), withAmount(new BigDecimal("1E+3")));

        assertThat(json).contains("\"amount\":\"1000\"");
    }

    @Test
    void amountSentAsAJsonNumberIsReadExactlyWithoutGoingThroughDouble() {
        String asString = write(Topics.BANK_FEED_TRANSACTIONS.valueSerde(), EventSamples.cardPayment());
        String asNumber = asString.replace("\"amount\":\"-12.50\"", "\"amount\":-12345678901234567.10");

        BankFeedTransaction read = read(Topics.BANK_FEED_TRANSACTIONS.valueSerde(), asNumber);

        assertThat(read.amount()).hasToString("-12345678901234567.10");
    }

    @Test
    void datesAndInstantsAreIsoStrings() {
        String json = write(Topics.BANK_FEED_TRANSACTIONS.valueSerde(), EventSamples.cardPayment());

        assertThat(json).contains("\"bookingDate\":\"2025-01-31\"", "\"valueDate\":\"2025-02-01\"",
                "\"receivedAt\":\"2025-02-01T08:15:30.123456Z\"");
        assertThat(write(Topics.USAGE_EVENTS.valueSerde(), EventSamples.usage(1)))
                .contains("\"billingPeriod\":\"2025-02\"", "\"eventTime\":\"2025-02-01T08:15:31Z\"");
    }

    @Test
    void absentFieldsAreOmittedNotWrittenAsNull() {
        String json = write(Topics.BANK_FEED_TRANSACTIONS.valueSerde(), EventSamples.removalById());

        assertThat(json).doesNotContain("null", "amount", "bookingDate")
                .startsWith("{\"schemaVersion\":1,\"tenantId\":");
    }

    @Test
    void onlyRecordComponentsAreWritten() {
        String json = write(Topics.CATEGORIZED_TRANSACTIONS.valueSerde(), EventSamples.categorizedByModel());

        assertThat(json).doesNotContain("\"key\"").containsOnlyOnce("\"tenantId\"");
    }

    @Test
    void deadLetterKeepsTheOriginalBytesAsBase64() {
        DeadLetter deadLetter = EventSamples.deadLetter();

        String json = write(Topics.DEAD_LETTERS.valueSerde(), deadLetter);

        assertThat(json).contains("\"originalValue\":\"" + Base64.getEncoder()
                .encodeToString(deadLetter.originalValue()) + "\"");
        assertThat(read(Topics.DEAD_LETTERS.valueSerde(), json).originalValue())
                .containsExactly(0, 0xFF, 0x7B, 0x22);
    }

    @Test
    void nullIsATombstoneBothWays() {
        Serde<BankFeedTransaction> serde = Topics.BANK_FEED_TRANSACTIONS.valueSerde();

        assertThat(serde.serializer().serialize("t", null)).isNull();
        assertThat(serde.deserializer().deserialize("t", null)).isNull();
    }

    static Stream<Arguments> badBytes() {
        byte[] binary = { (byte) 0xFF, (byte) 0xFE, 0, 1, 2 };
        String valid = new String(Topics.BANK_FEED_TRANSACTIONS.valueSerde().serializer()
                .serialize("t", EventSamples.cardPayment()), UTF_8);
        return Stream.of(
                Arguments.of("not JSON", "plain text".getBytes(UTF_8)),
                Arguments.of("binary", binary),
                Arguments.of("empty", new byte[0]),
                Arguments.of("truncated", valid.substring(0, valid.length() / 2).getBytes(UTF_8)),
                Arguments.of("trailing garbage", (valid + "}garbage").getBytes(UTF_8)),
                Arguments.of("an array", "[1,2]".getBytes(UTF_8)),
                Arguments.of("required field missing", valid.replace("\"receivedAt\"", "\"receivedAtt\"")
                        .getBytes(UTF_8)),
                Arguments.of("invariant broken", valid.replace("\"EUR\"", "\"eur\"").getBytes(UTF_8)),
                Arguments.of("unknown enum value", valid.replace("\"FEED\"", "\"CARRIER_PIGEON\"").getBytes(UTF_8)),
                Arguments.of("amount not a number", valid.replace("\"-12.50\"", "\"twelve\"").getBytes(UTF_8)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badBytes")
    void badValueBytesRaiseSerializationException(String description, byte[] bytes) {
        var deserializer = Topics.BANK_FEED_TRANSACTIONS.valueSerde().deserializer();

        assertThatThrownBy(() -> deserializer.deserialize("meridian.bank-feed.transactions.v1", bytes))
                .isInstanceOf(SerializationException.class)
                .hasMessageStartingWith("Cannot read BankFeedTransaction from " + bytes.length
                        + " bytes of meridian.bank-feed.transactions.v1: ");
    }

    @Test
    void badKeyBytesRaiseSerializationException() {
        byte[] notAKey = "{\"tenantId\":\"7f1c2d3e-4b5a-4c6d-8e9f-0a1b2c3d4e5f\"}".getBytes(UTF_8);

        assertThatThrownBy(() -> Topics.CATEGORIZED_TRANSACTIONS.keySerde().deserializer().deserialize("t", notAKey))
                .isInstanceOf(SerializationException.class).hasMessageContaining(AccountKey.class.getSimpleName());
    }

    private static <K, V> void assertRoundTrip(Sample<K, V> sample) {
        Topic<K, V> topic = sample.topic();
        byte[] key = topic.keySerde().serializer().serialize(topic.name(), sample.key());
        byte[] value = topic.valueSerde().serializer().serialize(topic.name(), sample.value());

        assertThat(topic.keySerde().deserializer().deserialize(topic.name(), key)).isEqualTo(sample.key());
        assertThat(topic.valueSerde().deserializer().deserialize(topic.name(), value)).isEqualTo(sample.value());
    }

    private static BankFeedTransaction withAmount(BigDecimal amount) {
        BankFeedTransaction t = EventSamples.cardPayment();
        return new BankFeedTransaction(t.schemaVersion(), t.tenantId(), t.accountId(), t.externalAccountRef(),
                t.source(), t.sourceTransactionId(), t.changeType(), t.status(), t.bookingDate(), t.valueDate(), amount,
                t.currency(), t.counterpartyName(), t.counterpartyAccount(), t.description(), t.merchantName(), t.mcc(),
                t.bankTransactionCode(), t.receivedAt());
    }

    private static <T> String write(Serde<T> serde, T value) {
        return new String(serde.serializer().serialize("t", value), UTF_8);
    }

    private static <T> T read(Serde<T> serde, String json) {
        return serde.deserializer().deserialize("t", json.getBytes(UTF_8));
    }
}
