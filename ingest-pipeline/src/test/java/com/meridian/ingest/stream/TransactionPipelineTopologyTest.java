package com.meridian.ingest.stream;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Properties;
import java.util.UUID;

import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.meridian.ingest.stream.IngestStreamsProperties.ValidationLimits;
import com.meridian.ingest.stream.internal.UsageTotal;
import com.meridian.schemas.events.AccountKey;
import com.meridian.schemas.events.BankFeedTransaction;
import com.meridian.schemas.events.BankFeedTransaction.ChangeType;
import com.meridian.schemas.events.BankFeedTransaction.Source;
import com.meridian.schemas.events.BankFeedTransaction.Status;
import com.meridian.schemas.events.CategorizedTransaction;
import com.meridian.schemas.events.CategorizedTransaction.DecidedBy;
import com.meridian.schemas.events.DeadLetter;
import com.meridian.schemas.events.UsageEvent;
import com.meridian.schemas.topics.Topics;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/** Every branch of validate, de-duplicate, categorize and meter, driven with explicit record timestamps. */
class TransactionPipelineTopologyTest {

    private static final UUID TENANT = UUID.fromString("11111111-1111-1111-1111-111111111111");
    private static final UUID ACCOUNT = UUID.fromString("22222222-2222-2222-2222-222222222222");
    private static final UUID OTHER_TENANT = UUID.fromString("33333333-3333-3333-3333-333333333333");
    private static final UUID OTHER_ACCOUNT = UUID.fromString("44444444-4444-4444-4444-444444444444");
    private static final Instant JAN_31_LATE = Instant.parse("2025-01-31T23:30:00Z"); // already February in Berlin
    private static final Instant FEB_10 = Instant.parse("2025-02-10T09:15:00Z");
    private static final Duration HAND_OVER = Duration.ofMillis(100);
    private static final Instant MAR_02 = Instant.parse("2025-03-02T12:00:00Z");

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final RecordingWriter writer = new RecordingWriter();
    private TopologyTestDriver driver;
    private TestInputTopic<AccountKey, BankFeedTransaction> feed;
    private TestInputTopic<byte[], byte[]> rawFeed;
    private TestOutputTopic<AccountKey, CategorizedTransaction> categorized;
    private TestOutputTopic<UUID, UsageEvent> usage;
    private TestOutputTopic<String, DeadLetter> deadLetters;

    @BeforeEach
    void startDriver() {
        TestDirectory directory = new TestDirectory().tenant(TENANT, "Europe/Berlin").account(TENANT, ACCOUNT)
                .tenant(OTHER_TENANT, "UTC").account(OTHER_TENANT, OTHER_ACCOUNT);
        PipelineMetrics metrics = new PipelineMetrics(registry);
        StreamsBuilder builder = new StreamsBuilder();
        new TransactionPipelineTopology(
                new ValidateTransactionsTopology(directory, new ValidationLimits(31, 3660), metrics),
                new CategorizeTransactionsTopology(new KeywordCategorizer(), metrics),
                new MeterTenantUsageTopology(directory, metrics, HAND_OVER), new PersistTransactionsTopology(writer))
                .build(builder);
        Properties config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, "pipeline-test");
        config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        config.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        driver = new TopologyTestDriver(builder.build(), config);
        feed = driver.createInputTopic(Topics.BANK_FEED_TRANSACTIONS.name(),
                Topics.BANK_FEED_TRANSACTIONS.keySerde().serializer(),
                Topics.BANK_FEED_TRANSACTIONS.valueSerde().serializer());
        rawFeed = driver.createInputTopic(Topics.BANK_FEED_TRANSACTIONS.name(), new ByteArraySerializer(),
                new ByteArraySerializer());
        categorized = driver.createOutputTopic(Topics.CATEGORIZED_TRANSACTIONS.name(),
                Topics.CATEGORIZED_TRANSACTIONS.keySerde().deserializer(),
                Topics.CATEGORIZED_TRANSACTIONS.valueSerde().deserializer());
        usage = driver.createOutputTopic(Topics.USAGE_EVENTS.name(), Topics.USAGE_EVENTS.keySerde().deserializer(),
                Topics.USAGE_EVENTS.valueSerde().deserializer());
        deadLetters = driver.createOutputTopic(Topics.DEAD_LETTERS.name(),
                Topics.DEAD_LETTERS.keySerde().deserializer(), Topics.DEAD_LETTERS.valueSerde().deserializer());
    }

    @AfterEach
    void closeDriver() {
        driver.close();
    }

    @Test
    void aNewTransactionIsCategorizedByTheModelAndMeteredInTheTenantsHourAndMonth() {
        // given a transaction that arrives on 31 January 23:30 UTC, which is 1 February 00:30 in Berlin
        BankFeedTransaction transaction = added("tx-1", "-12.50", "Book shop", JAN_31_LATE).build();

        // when
        send(transaction);

        // then
        CategorizedTransaction out = categorized.readValue();
        assertThat(out.transaction()).isEqualTo(transaction);
        assertThat(out.categoryCode()).isEqualTo("GENERAL_MERCHANDISE");
        assertThat(out.decidedBy()).isEqualTo(DecidedBy.MODEL);
        assertThat(out.modelVersion()).isEqualTo("test-model-1");
        assertThat(out.confidence()).isEqualByComparingTo("0.6124").hasToString("0.6124");
        UsageEvent event = usage.readValue();
        assertThat(event.quantity()).isEqualTo(1);
        assertThat(event.billingPeriod()).isEqualTo(YearMonth.of(2025, 2));
        assertThat(event.tenantId()).isEqualTo(TENANT);
        assertThat(totals()).extracting(UsageTotal::periodKind, t -> t.periodStart().toString(), UsageTotal::quantity)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("hour", "2025-01-31T23:00:00Z", 1L),
                        org.assertj.core.groups.Tuple.tuple("billing_period", "2025-01-31T23:00:00Z", 1L));
        assertThat(deadLetters.isEmpty()).isTrue();
    }

    @Test
    void eachCommitHandsThePersistenceStageWhatItCovers() {
        // given a garbage record of a known tenant, then a transaction and its redelivery
        byte[] key = Topics.BANK_FEED_TRANSACTIONS.keySerde().serializer().serialize("t", new AccountKey(TENANT, ACCOUNT));
        rawFeed.pipeInput(key, "{".getBytes(UTF_8), FEB_10);

        // when
        send(added("tx-1", "-12.50", "Book shop", FEB_10));
        send(added("tx-1", "-12.50", "Book shop", FEB_10.plusSeconds(1)));

        // then the driver commits after every record: one batch each, nothing for the redelivery
        assertThat(writer.deadLetters).singleElement().satisfies(batch ->
                assertThat(batch).extracting(DeadLetter::reasonCode).containsExactly("DESERIALIZATION_FAILED"));
        assertThat(writer.transactions).singleElement().satisfies(batch ->
                assertThat(batch).extracting(i -> i.categorized().transaction().sourceTransactionId(), i -> i.usageDelta())
                        .containsExactly(org.assertj.core.groups.Tuple.tuple("tx-1", 1)));
        // the hour and the billing-period counter come back through the repartition topic at the next hand-over
        assertThat(writer.usage).flatExtracting(batch -> batch).extracting(UsageTotal::periodKind, UsageTotal::quantity)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("hour", 1L),
                        org.assertj.core.groups.Tuple.tuple("billing_period", 1L));
    }

    @Test
    void aTenantRuleDecidesBeforeTheModel() {
        send(added("tx-1", "-3.20", "Coffee corner", FEB_10));

        CategorizedTransaction out = categorized.readValue();
        assertThat(out.decidedBy()).isEqualTo(DecidedBy.RULE);
        assertThat(out.ruleId()).isEqualTo(KeywordCategorizer.COFFEE_RULE.toString());
        assertThat(out.categoryCode()).isEqualTo("FOOD_AND_DRINK_COFFEE");
    }

    @Test
    void aRedeliveryIsStoredAndCountedOnce() {
        BankFeedTransaction transaction = added("tx-1", "-12.50", "Book shop", FEB_10).build();

        send(transaction);
        send(added("tx-1", "-12.50", "Book shop", FEB_10.plusSeconds(60))); // same content, later delivery

        assertThat(categorized.readValuesToList()).hasSize(1);
        assertThat(usage.readValuesToList()).hasSize(1);
        assertThat(counter("duplicate")).isEqualTo(1);
        assertThat(billingTotal()).isEqualTo(1);
    }

    @Test
    void withoutASourceIdTheFingerprintIdentifiesARedelivery() {
        send(added(null, "-12.50", "Book  SHOP", FEB_10));
        send(added(null, "-12.5", "book shop", FEB_10.plusSeconds(5))); // same payment, other spelling and scale
        send(added(null, "-12.51", "book shop", FEB_10.plusSeconds(9))); // another payment

        assertThat(categorized.readValuesToList()).hasSize(2);
        assertThat(billingTotal()).isEqualTo(2);
    }

    @Test
    void aModificationUpdatesTheTransactionWithoutBillingItAgain() {
        send(added("tx-1", "-12.50", "Book shop", FEB_10));
        send(change(ChangeType.MODIFIED, "tx-1", "-13.00", "Book shop", Status.BOOKED, FEB_10.plusSeconds(3600)));

        List<CategorizedTransaction> out = categorized.readValuesToList();
        assertThat(out).extracting(c -> c.transaction().changeType())
                .containsExactly(ChangeType.ADDED, ChangeType.MODIFIED);
        assertThat(out.get(1).transaction().amount()).isEqualByComparingTo("-13.00");
        assertThat(out.get(1).fingerprint()).isNotEqualTo(out.get(0).fingerprint());
        assertThat(usage.readValuesToList()).hasSize(1);
        assertThat(billingTotal()).isEqualTo(1);
    }

    @Test
    void anAddedTransactionWithOtherContentIsAModification() {
        send(added("tx-1", "-12.50", "Book shop", FEB_10).withStatus(Status.PENDING));
        send(added("tx-1", "-12.50", "Book shop", FEB_10.plusSeconds(60)));

        assertThat(categorized.readValuesToList()).extracting(c -> c.transaction().changeType())
                .containsExactly(ChangeType.ADDED, ChangeType.MODIFIED);
        assertThat(billingTotal()).isEqualTo(1);
    }

    @Test
    void aRemovalIsReversedInThePeriodTheTransactionWasBilledIn() {
        send(added("tx-1", "-12.50", "Coffee corner", FEB_10));
        send(removed("tx-1", MAR_02));
        send(removed("tx-1", MAR_02.plusSeconds(1))); // redelivered removal
        send(added("tx-1", "-12.50", "Coffee corner", MAR_02.plusSeconds(2))); // late redelivery of the original

        List<CategorizedTransaction> out = categorized.readValuesToList();
        assertThat(out).hasSize(2);
        CategorizedTransaction removal = out.get(1);
        assertThat(removal.transaction().changeType()).isEqualTo(ChangeType.REMOVED);
        assertThat(removal.transaction().receivedAt()).isEqualTo(MAR_02);
        assertThat(removal.categoryCode()).isEqualTo("FOOD_AND_DRINK_COFFEE");
        assertThat(removal.fingerprint()).isEqualTo(out.get(0).fingerprint());
        List<UsageEvent> events = usage.readValuesToList();
        assertThat(events).extracting(UsageEvent::quantity).containsExactly(1L, -1L);
        assertThat(events).extracting(UsageEvent::billingPeriod).containsOnly(YearMonth.of(2025, 2));
        assertThat(events.get(0).eventId()).isNotEqualTo(events.get(1).eventId());
        assertThat(totals()).extracting(UsageTotal::quantity).containsOnly(0L);
    }

    @Test
    void aRemovalOfAnUnknownTransactionKeepsItsLateOriginalOut() {
        send(removed("tx-9", FEB_10));
        send(added("tx-9", "-5.00", "Book shop", FEB_10.plusSeconds(1)));

        assertThat(categorized.isEmpty()).isTrue();
        assertThat(usage.isEmpty()).isTrue();
        assertThat(counter("removed_unknown")).isEqualTo(1);
        assertThat(counter("duplicate")).isEqualTo(1);
    }

    @Test
    void undecodableBytesAreDeadLetteredWithTheirOriginalBytes() {
        byte[] key = Topics.BANK_FEED_TRANSACTIONS.keySerde().serializer().serialize("t", new AccountKey(TENANT, ACCOUNT));
        byte[] garbage = "{\"schemaVersion\":1,\"amount\":".getBytes(UTF_8);

        rawFeed.pipeInput(key, garbage, FEB_10);

        DeadLetter letter = deadLetters.readValue();
        assertThat(letter.reasonCode()).isEqualTo("DESERIALIZATION_FAILED");
        assertThat(letter.stage()).isEqualTo("validate");
        assertThat(letter.tenantId()).isEqualTo(TENANT);
        assertThat(letter.originalKey()).isEqualTo(key);
        assertThat(letter.originalValue()).isEqualTo(garbage);
        assertThat(letter.sourceTopic()).isEqualTo(Topics.BANK_FEED_TRANSACTIONS.name());
        assertThat(letter.failedAt()).isEqualTo(FEB_10);
        assertThat(categorized.isEmpty()).isTrue();
        assertThat(registry.counter("meridian.ingest.dead.letters", "stage", "validate", "reason",
                "DESERIALIZATION_FAILED").count()).isEqualTo(1);
    }

    @Test
    void anUndecodableKeyIsDeadLetteredForAnUnknownTenant() {
        rawFeed.pipeInput("not-json".getBytes(UTF_8), "{}".getBytes(UTF_8), FEB_10);
        rawFeed.pipeInput(null, "{}".getBytes(UTF_8), FEB_10);

        List<org.apache.kafka.streams.test.TestRecord<String, DeadLetter>> letters = deadLetters.readRecordsToList();
        assertThat(letters).extracting(r -> r.getKey()).containsOnly(DeadLetter.UNKNOWN_TENANT);
        assertThat(letters).extracting(r -> r.getValue().reasonCode())
                .containsExactly("DESERIALIZATION_FAILED", "MISSING_KEY");
    }

    @Test
    void eachBrokenRuleHasItsOwnReasonCode() {
        UUID stranger = UUID.randomUUID();
        send(added("a", "-1.00", "x", FEB_10).onAccount(TENANT, stranger));
        send(added("b", "-1.00", "x", FEB_10).onAccount(stranger, ACCOUNT));
        send(added("c", "-1.00", "x", FEB_10).inCurrency("XXY"));
        send(added("d", "-1.005", "x", FEB_10));
        send(added("e", "-1", "x", FEB_10).inCurrency("JPY"));
        send(added("f", "-1.00", "x", FEB_10).bookedOn(LocalDate.of(1999, 1, 1)));
        send(added("g", "-1.00", "x", FEB_10).bookedOn(LocalDate.of(2025, 4, 1)));

        assertThat(deadLetters.readValuesToList()).extracting(DeadLetter::reasonCode).containsExactly(
                "UNKNOWN_ACCOUNT", "UNKNOWN_TENANT", "UNKNOWN_CURRENCY", "AMOUNT_SCALE", "IMPLAUSIBLE_DATE",
                "IMPLAUSIBLE_DATE");
        assertThat(categorized.readValuesToList()).extracting(c -> c.transaction().sourceTransactionId())
                .containsExactly("e");
    }

    @Test
    void aKeyNamingAnotherAccountThanTheValueIsRefused() {
        BankFeedTransaction transaction = added("tx-1", "-1.00", "x", FEB_10).build();

        feed.pipeInput(new AccountKey(OTHER_TENANT, OTHER_ACCOUNT), transaction, FEB_10);

        DeadLetter letter = deadLetters.readValue();
        assertThat(letter.reasonCode()).isEqualTo("KEY_MISMATCH");
        assertThat(letter.tenantId()).isEqualTo(TENANT);
    }

    @Test
    void usageIsHandedToTheCountersSummedOncePerInterval() {
        // given three transactions of one hour and a removal of one of them, within one hand-over interval
        for (String id : List.of("tx-1", "tx-2", "tx-3")) {
            BankFeedTransaction transaction = added(id, "-1.00", "x " + id, FEB_10).build();
            feed.pipeInput(transaction.key(), transaction, FEB_10);
        }
        BankFeedTransaction removal = removed("tx-2", FEB_10.plusSeconds(1));
        feed.pipeInput(removal.key(), removal, FEB_10.plusSeconds(1));
        assertThat(totals()).isEmpty();

        // when the interval ends
        driver.advanceWallClockTime(HAND_OVER);

        // then each counter receives one sum (the driver commits after each repartitioned record: two batches)
        assertThat(writer.usage).flatExtracting(batch -> batch)
                .extracting(UsageTotal::periodKind, UsageTotal::quantity)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("hour", 2L),
                        org.assertj.core.groups.Tuple.tuple("billing_period", 2L));
        assertThat(billingTotal()).isEqualTo(2);
        assertThat(usage.readValuesToList()).extracting(UsageEvent::quantity).containsExactly(1L, 1L, 1L, -1L);
    }

    @Test
    void tenantsAreDeduplicatedAndMeteredApart() {
        send(added("tx-1", "-1.00", "x", FEB_10));
        send(added("tx-1", "-1.00", "x", FEB_10).onAccount(OTHER_TENANT, OTHER_ACCOUNT));

        assertThat(categorized.readValuesToList()).extracting(CategorizedTransaction::tenantId)
                .containsExactly(TENANT, OTHER_TENANT);
        assertThat(totals()).filteredOn(t -> t.periodKind().equals("billing_period"))
                .extracting(UsageTotal::tenantId, UsageTotal::quantity)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(TENANT, 1L),
                        org.assertj.core.groups.Tuple.tuple(OTHER_TENANT, 1L));
    }

    /** Sends the transaction and lets the wall clock run to the next hand-over of usage sums. */
    private void send(BankFeedTransaction transaction) {
        feed.pipeInput(transaction.key(), transaction, transaction.receivedAt());
        driver.advanceWallClockTime(HAND_OVER);
    }

    private void send(Draft draft) {
        send(draft.build());
    }

    private List<UsageTotal> totals() {
        KeyValueStore<String, UsageTotal> store = driver.getKeyValueStore(MeterTenantUsageTopology.TOTALS);
        List<UsageTotal> all = new java.util.ArrayList<>();
        store.all().forEachRemaining(entry -> all.add(entry.value));
        return all;
    }

    private long billingTotal() {
        return totals().stream().filter(t -> t.periodKind().equals("billing_period") && t.tenantId().equals(TENANT))
                .mapToLong(UsageTotal::quantity).sum();
    }

    private double counter(String outcome) {
        return registry.counter("meridian.ingest.records", "outcome", outcome).count();
    }

    private static Draft added(String sourceId, String amount, String description, Instant receivedAt) {
        return new Draft(TENANT, ACCOUNT, sourceId, ChangeType.ADDED, Status.BOOKED, LocalDate.of(2025, 1, 30),
                new BigDecimal(amount), "EUR", description, receivedAt);
    }

    private static BankFeedTransaction change(ChangeType type, String sourceId, String amount, String description,
            Status status, Instant receivedAt) {
        return new Draft(TENANT, ACCOUNT, sourceId, type, status, LocalDate.of(2025, 1, 30), new BigDecimal(amount),
                "EUR", description, receivedAt).build();
    }

    private static BankFeedTransaction removed(String sourceId, Instant receivedAt) {
        return new BankFeedTransaction(1, TENANT, ACCOUNT, null, Source.FEED, sourceId, ChangeType.REMOVED, null,
                null, null, null, null, null, null, null, null, null, null, receivedAt);
    }

    /** A transaction under construction, with the one field a test cares about changed. */
    private record Draft(UUID tenant, UUID account, String sourceId, ChangeType type, Status status,
            LocalDate bookingDate, BigDecimal amount, String currency, String description, Instant receivedAt) {

        Draft withStatus(Status newStatus) {
            return new Draft(tenant, account, sourceId, type, newStatus, bookingDate, amount, currency, description,
                    receivedAt);
        }

        Draft onAccount(UUID newTenant, UUID newAccount) {
            return new Draft(newTenant, newAccount, sourceId, type, status, bookingDate, amount, currency,
                    description, receivedAt);
        }

        Draft inCurrency(String newCurrency) {
            return new Draft(tenant, account, sourceId, type, status, bookingDate, amount, newCurrency, description,
                    receivedAt);
        }

        Draft bookedOn(LocalDate date) {
            return new Draft(tenant, account, sourceId, type, status, date, amount, currency, description,
                    receivedAt);
        }

        BankFeedTransaction build() {
            return new BankFeedTransaction(1, tenant, account, null, Source.FEED, sourceId, type, status,
                    bookingDate, null, amount, currency, null, null, description, null, null, null, receivedAt);
        }
    }
}
