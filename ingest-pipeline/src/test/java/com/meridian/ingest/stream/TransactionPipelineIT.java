package com.meridian.ingest.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.meridian.localstack.LocalStack;
import com.meridian.schemas.events.AccountKey;
import com.meridian.schemas.events.DeadLetter;
import com.meridian.schemas.topics.Topic;
import com.meridian.schemas.topics.Topics;
import com.meridian.tenancy.TenantId;

/**
 * The pipeline end to end, exactly once: a real broker, a real PostgreSQL, the real categorizer, and the streams
 * application in a child JVM that is killed with SIGKILL twice while the feed is being produced. Afterwards the
 * stored rows are exactly the unique valid transactions (modified ones with their last amount, removed ones marked
 * removed), billed usage equals stored rows for every tenant, and the dead-letter topic holds exactly the
 * malformed records, each once.
 */
class TransactionPipelineIT {

    // after a broker restart the stream thread rejoins its group and restores its stores before it catches up
    private static final Duration SETTLE = Duration.ofSeconds(120);

    private static LocalStack stack;
    private static PipelineDatabase database;

    @TempDir
    Path work;

    /** The broker of the running test: the local stack's, or a restartable one. */
    private String bootstrap;

    @BeforeAll
    static void stack() {
        stack = LocalStack.shared();
        database = PipelineDatabase.shared();
    }

    private static void createTopics(String bootstrap) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            Set<String> existing = admin.listTopics().names().get();
            List<NewTopic> missing = Topics.all().stream().filter(topic -> !existing.contains(topic.name()))
                    .map(Topic::newTopic).toList();
            admin.createTopics(missing).all().get();
        }
    }

    @Test
    void everyValidTransactionIsStoredAndBilledOnceWhileTheApplicationIsKilledAndRestarted() throws Exception {
        bootstrap = stack.kafka().bootstrapServers();
        createTopics(bootstrap);
        // given two tenants in different time zones, and a feed with redeliveries, changes, removals and garbage
        List<AccountKey> berlin = database.newTenant("Europe/Berlin", 3);
        List<AccountKey> newYork = database.newTenant("America/New_York", 2);
        List<AccountKey> accounts = new ArrayList<>(berlin);
        accounts.addAll(newYork);
        FeedScenario feed = FeedScenario.generate(42, 3000, accounts, Instant.parse("2026-11-20T08:00:00Z"));
        Map<String, Object> app = appProperties("eos-kill-" + UUID.randomUUID());
        int third = feed.events.size() / 3;
        Instant testStart = Instant.now();

        // when the feed arrives in three parts, and the application is killed after each of the first two
        PipelineProcess instance = PipelineProcess.start(app, log("app-1"));
        produce(feed.events.subList(0, third));
        awaitStored(instance, accounts, 200);
        instance.kill();
        produce(feed.events.subList(third, 2 * third));
        instance = PipelineProcess.start(app, log("app-2"));
        awaitStored(instance, accounts, feed.storedCount() / 2);
        instance.kill();
        produce(feed.events.subList(2 * third, feed.events.size()));
        instance = PipelineProcess.start(app, log("app-3"));
        try {
            awaitSettled(instance, feed, accounts, berlin.get(0).tenantId(), newYork.get(0).tenantId());

            // then
            assertStoredRowsMatch(feed, accounts);
            assertBilledEqualsStored(feed, berlin.get(0).tenantId());
            assertBilledEqualsStored(feed, newYork.get(0).tenantId());
            assertDeadLettersAreExactlyTheMalformed(feed, testStart);
            assertTenantsSeeOnlyTheirOwnRows(berlin.get(0).tenantId(), newYork.get(0).tenantId());
        } finally {
            instance.close();
        }
    }

    @Test
    void everyValidTransactionIsStoredAndBilledOnceWhileTheBrokerIsKilledAndRestarted() throws Exception {
        try (RestartableBroker broker = new RestartableBroker(
                Files.createTempDirectory(Files.createDirectories(Path.of("target", "pipeline-it")), "broker-"))) {
            // given a broker of its own, and the same kind of feed for two new tenants
            broker.start();
            bootstrap = broker.bootstrapServers();
            createTopics(bootstrap);
            List<AccountKey> first = database.newTenant("Europe/Lisbon", 2);
            List<AccountKey> second = database.newTenant("Asia/Kolkata", 2);
            List<AccountKey> accounts = new ArrayList<>(first);
            accounts.addAll(second);
            FeedScenario feed = FeedScenario.generate(7, 2000, accounts, Instant.parse("2026-11-21T08:00:00Z"));
            int half = feed.events.size() / 2;
            Instant testStart = Instant.now();

            // when the broker is killed and restarted under the running application, twice
            PipelineProcess instance = PipelineProcess.start(appProperties("eos-broker-" + UUID.randomUUID()),
                    log("broker-app"));
            try {
                produce(feed.events.subList(0, half));
                awaitStored(instance, accounts, 100);
                broker.kill();
                broker.start();
                produce(feed.events.subList(half, feed.events.size()));
                awaitStored(instance, accounts, feed.storedCount() / 2 + 100);
                broker.kill();
                broker.start();
                awaitSettled(instance, feed, accounts, first.get(0).tenantId(), second.get(0).tenantId());

                // then
                assertStoredRowsMatch(feed, accounts);
                assertBilledEqualsStored(feed, first.get(0).tenantId());
                assertBilledEqualsStored(feed, second.get(0).tenantId());
                assertDeadLettersAreExactlyTheMalformed(feed, testStart);
            } finally {
                instance.close();
            }
        }
    }

    /** The child's log, kept under target/ for a post-mortem. */
    private static Path log(String name) throws IOException {
        return Files.createDirectories(Path.of("target", "pipeline-it")).resolve(name + ".log");
    }

    private Map<String, Object> appProperties(String applicationId) throws IOException {
        Map<String, Object> properties = new LinkedHashMap<>(stack.springProperties());
        properties.put("spring.kafka.bootstrap-servers", bootstrap);
        properties.put("spring.kafka.streams.state-dir", Files.createDirectories(work.resolve("state")));
        properties.put("meridian.ingest.streams.application-id", applicationId);
        properties.put("spring.flyway.placeholders.app_role", stack.database().appUser());
        properties.put("spring.batch.job.enabled", false);
        properties.put("spring.batch.jdbc.initialize-schema", "never");
        properties.put("spring.main.web-application-type", "none");
        properties.put("logging.level.org.apache.kafka", "WARN");
        // a killed instance leaves the group after this long; the default (45 s) would dominate the test
        properties.put("spring.kafka.streams.properties.session.timeout.ms", 6000);
        properties.put("spring.kafka.streams.properties.heartbeat.interval.ms", 1000);
        return properties;
    }

    /**
     * Sends the events like an integration that checks its acknowledgements: a record the broker did not take fails
     * the test here, rather than showing up later as a missing row. One request in flight, as the HTTP push's
     * producer does (see {@code FeedConfiguration}: several in flight can stall on KAFKA-14359 after a restart).
     */
    private void produce(List<FeedScenario.Event> events) throws Exception {
        Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true, ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 1, ProducerConfig.LINGER_MS_CONFIG, 5);
        List<Future<RecordMetadata>> acks = new ArrayList<>();
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(config, new ByteArraySerializer(),
                new ByteArraySerializer())) {
            for (FeedScenario.Event event : events) {
                acks.add(producer.send(new ProducerRecord<>(Topics.BANK_FEED_TRANSACTIONS.name(), event.key(),
                        event.value())));
            }
            producer.flush();
        }
        for (var ack : acks) {
            ack.get(); // throws if the broker did not take the record
        }
    }

    private void awaitStored(PipelineProcess instance, List<AccountKey> accounts, long atLeast)
            throws InterruptedException {
        await(instance, () -> stored(accounts) >= atLeast, "at least " + atLeast + " rows stored");
    }

    private void awaitSettled(PipelineProcess instance, FeedScenario feed, List<AccountKey> accounts,
            UUID... tenants) throws InterruptedException {
        await(instance, () -> stored(accounts) == feed.storedCount() && removed(accounts) == feed.removedCount()
                && Arrays.stream(tenants).allMatch(t -> billed(t) == feed.liveCount(t)),
                feed.storedCount() + " rows stored, " + feed.removedCount() + " removed, usage billed");
    }

    private long stored(List<AccountKey> accounts) {
        return database.count("select count(*) from transactions where tenant_id = any(?::uuid[])", tenantArray(accounts));
    }

    private long removed(List<AccountKey> accounts) {
        return database.count("select count(*) from transactions where status = 'removed' and tenant_id = any(?::uuid[])",
                tenantArray(accounts));
    }

    private long billed(UUID tenant) {
        return database.count("select coalesce(sum(quantity), 0) from usage_counters where tenant_id = ? "
                + "and period_kind = 'billing_period'", tenant);
    }

    private static String tenantArray(List<AccountKey> accounts) {
        return accounts.stream().map(a -> a.tenantId().toString()).distinct()
                .collect(Collectors.joining(",", "{", "}"));
    }

    private void assertStoredRowsMatch(FeedScenario feed, List<AccountKey> accounts) {
        record Row(String identity, BigDecimal amount, boolean removed, String category, String decidedBy) {
        }
        List<Row> rows = database.query("""
                select tenant_id, account_id, source_transaction_id, fingerprint, amount, status, category_code,
                       categorized_by
                from transactions where tenant_id = any(?::uuid[])""",
                r -> new Row(r.getString(1) + "/" + r.getString(2) + "/" + (r.getString(3) != null
                        ? "id:" + r.getString(3) : "fp:" + r.getString(4)), r.getBigDecimal(5),
                        "removed".equals(r.getString(6)), r.getString(7), r.getString(8)),
                tenantArray(accounts));
        Map<String, Row> byIdentity = rows.stream().collect(Collectors.toMap(Row::identity, row -> row));
        assertThat(byIdentity).hasSize(rows.size()).containsOnlyKeys(feed.expected.keySet());
        feed.expected.forEach((identity, expected) -> {
            Row row = byIdentity.get(identity);
            assertThat(row.amount()).as(identity).isEqualByComparingTo(expected.amount());
            assertThat(row.removed()).as(identity).isEqualTo(expected.removed());
            assertThat(row.category()).as(identity).isNotBlank();
            assertThat(row.decidedBy()).as(identity).isIn("model", "rule");
        });
    }

    private void assertBilledEqualsStored(FeedScenario feed, UUID tenant) {
        UsageReconciliation.Result result = new UsageReconciliation(database.tenantDatabase())
                .reconcile(new TenantId(tenant), YearMonth.of(2026, 11));
        assertThat(result.matches()).as(result.toString()).isTrue();
        assertThat(result.stored()).isEqualTo(feed.liveCount(tenant));
        assertThat(database.count("select coalesce(sum(quantity), 0) from usage_counters where tenant_id = ? "
                + "and period_kind = 'hour'", tenant)).isEqualTo(feed.liveCount(tenant));
    }

    private void assertDeadLettersAreExactlyTheMalformed(FeedScenario feed, Instant since) {
        // a dead letter is stamped with its record's time, which the producer set during this test
        List<DeadLetter> ours = deadLetters().stream().filter(letter -> !letter.failedAt().isBefore(since)).toList();
        assertThat(ours).extracting(letter -> ByteBuffer.wrap(letter.originalValue()))
                .doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(feed.malformed);
        assertThat(ours).extracting(DeadLetter::stage).containsOnly("validate");
    }

    private void assertTenantsSeeOnlyTheirOwnRows(UUID tenant, UUID other) {
        long visible = database.tenantDatabase().inTenant(new TenantId(tenant), jdbc -> jdbc
                .sql("select count(*) from transactions where tenant_id = ?").param(other).query(Long.class).single());
        assertThat(visible).isZero();
    }

    private String diagnosis() {
        return "; dead letters by reason: " + deadLetters().stream()
                .collect(Collectors.groupingBy(DeadLetter::reasonCode, Collectors.counting()))
                + "; usage rows: " + database.count("select count(*) from usage_counters")
                + "; dead-letter rows: " + database.count("select count(*) from dead_letters")
                + "; records categorized: " + endOffsets(Topics.CATEGORIZED_TRANSACTIONS.name())
                + ", metered: " + endOffsets(Topics.USAGE_EVENTS.name()) + offsetsAndTransactions();
    }

    /**
     * Per partition of every topic: the end offset, the last stable offset (a lower one means an open transaction
     * holds read_committed consumers back) and the consumer groups' committed offsets; and the open transactions.
     */
    private String offsetsAndTransactions() {
        StringBuilder out = new StringBuilder();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            Set<String> topics = admin.listTopics().names().get();
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            admin.describeTopics(topics).allTopicNames().get().values().forEach(topic -> topic.partitions()
                    .forEach(p -> latest.put(new TopicPartition(topic.name(), p.partition()),
                            OffsetSpec.latest())));
            var end = admin.listOffsets(latest).all().get();
            var stable = admin.listOffsets(latest, new ListOffsetsOptions(
                    IsolationLevel.READ_COMMITTED)).all().get();
            Map<TopicPartition, Long> committed = new HashMap<>();
            for (var group : admin.listGroups().all().get()) {
                admin.listConsumerGroupOffsets(group.groupId()).partitionsToOffsetAndMetadata().get()
                        .forEach((tp, offset) -> committed.put(tp, offset == null ? -1 : offset.offset()));
            }
            out.append("\npartitions (end/stable/committed):");
            end.keySet().stream().sorted(Comparator.comparing(TopicPartition::toString)).forEach(tp -> out
                    .append("\n  ").append(tp).append(' ').append(end.get(tp).offset()).append('/')
                    .append(stable.get(tp).offset()).append('/').append(committed.getOrDefault(tp, -1L)));
            out.append("\ntransactions:");
            for (var listing : admin.listTransactions().all().get()) {
                out.append("\n  ").append(listing.transactionalId()).append(' ').append(listing.state());
            }
        } catch (Exception e) {
            out.append("\n(offsets unavailable: ").append(e).append(')');
        }
        return out.toString();
    }

    private long endOffsets(String topic) {
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap),
                new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            return consumer.endOffsets(partitions).values().stream().mapToLong(Long::longValue).sum();
        }
    }

    /** Every dead letter on the topic, committed ones only, in offset order per partition. */
    private List<DeadLetter> deadLetters() {
        Map<String, Object> config = new HashMap<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false));
        List<DeadLetter> letters = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.DEAD_LETTERS.name()).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    letters.add(Topics.DEAD_LETTERS.valueSerde().deserializer().deserialize("", record.value()));
                }
            }
        }
        return letters;
    }

    private void await(PipelineProcess instance, BooleanSupplier condition, String what)
            throws InterruptedException {
        long deadline = System.nanoTime() + SETTLE.toNanos();
        while (!condition.getAsBoolean()) {
            if (!instance.isAlive()) {
                throw new AssertionError("the pipeline JVM exited (see target/pipeline-it) before: " + what);
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not reached within " + SETTLE.toSeconds() + " s: " + what + diagnosis());
            }
            Thread.sleep(250);
        }
    }
}
