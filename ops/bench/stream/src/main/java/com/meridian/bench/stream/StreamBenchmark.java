package com.meridian.bench.stream;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;
import org.flywaydb.core.Flyway;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;

import com.meridian.ingest.stream.StreamPipelineConfiguration;
import com.meridian.ingest.topics.TopicDeclarationsConfiguration;
import com.meridian.localstack.LocalStack;
import com.meridian.localstack.MeridianDatabase;
import com.meridian.schemas.events.AccountKey;
import com.meridian.schemas.events.BankFeedTransaction;
import com.meridian.schemas.events.BankFeedTransaction.ChangeType;
import com.meridian.schemas.events.BankFeedTransaction.Source;
import com.meridian.schemas.events.BankFeedTransaction.Status;
import com.meridian.schemas.topics.Topic;
import com.meridian.schemas.topics.Topics;

/**
 * Pushes {@code bench.records} bank-feed transactions (5% of them redeliveries) through the real broker and measures,
 * in one run on one broker: (1) the reference, a pass-through Kafka Streams topology (bytes in, bytes out, the same
 * exactly_once_v2 and commit interval); (2) the whole pipeline (validate, de-duplicate, categorize with the real
 * categorizer, meter, persist to PostgreSQL), from a backlog of the same records, from RUNNING until every input
 * offset is committed; (3) the pipeline's end-to-end latency (arrival on the topic to the row committed in
 * PostgreSQL), p50 and p99, with records produced at half the pipeline's measured throughput. Prints the ratio.
 */
@SpringBootApplication(scanBasePackageClasses = {StreamPipelineConfiguration.class,
        TopicDeclarationsConfiguration.class})
public class StreamBenchmark {

    static final int RECORDS = Integer.getInteger("bench.records", 1_000_000);
    static final int THREADS = Integer.getInteger("meridian.ingest.streams.threads", 1);
    static final String PASS_THROUGH_OUT = "meridian.bench.pass-through.v1";
    static final String[] TEXTS = {"Coffee Corner", "REWE Markt sagt danke", "Monthly rent", "Salary", "NETFLIX.COM",
        "Amazon Marketplace", "Uber trip", "Shell station 42", "Deutsche Bahn ticket", "Apotheke am Markt"};

    public static void main(String[] args) throws Exception {
        try (LocalStack stack = LocalStack.start()) {
            String bootstrap = stack.kafka().bootstrapServers();
            migrate(stack.database());
            createTopics(bootstrap);
            List<AccountKey> accounts = tenantWithAccounts(stack.database(), 10);
            int produced = produce(bootstrap, accounts, RECORDS, 0, Instant.parse("2026-11-20T00:00:00Z"));
            System.out.printf("%nProduced %,d records (%,d unique transactions) to %s%n", produced, unique(RECORDS),
                    Topics.BANK_FEED_TRANSACTIONS.name());

            ProcessCpu cpu;
            try (Connection connection = superuser(stack)) {
                cpu = ProcessCpu.of(connection);
            }
            Phase passThrough = passThrough(bootstrap, stack.stateDir().toString(), produced, cpu);
            try (ConfigurableApplicationContext app = new SpringApplicationBuilder(StreamBenchmark.class)
                    .properties(stack.springProperties()).run(args)) {
                Phase pipeline = drain(app, bootstrap, "bench-pipeline", produced, "pipeline", cpu);
                long stored = count(stack, "select count(*) from transactions");
                Latency latency = latency(app, stack, pipeline.rate() / 2);
                System.out.printf("""

                        ==================================================================================
                         Stream pipeline benchmark, %,d records, %d partitions, %d stream thread(s) each
                           pass-through topology (reference)   %,10.0f records/s
                           whole pipeline to PostgreSQL        %,10.0f records/s   (%,d rows stored)
                           ratio pipeline / pass-through       %10.2f   (goal >= 0.50)
                           latency at %,.0f records/s           p50 %,d ms   p99 %,d ms   (%,d records)
                         CPU per input record, all parties on this machine:
                           pass-through  %s
                           pipeline      %s
                           ratio of CPU per record, pass-through / pipeline   %.2f
                        ==================================================================================
                        %n""", produced, Topics.BANK_FEED_TRANSACTIONS.defaultPartitions(), THREADS, passThrough.rate(),
                        pipeline.rate(), stored, pipeline.rate() / passThrough.rate(), pipeline.rate() / 2,
                        latency.p50(), latency.p99(), latency.records(), passThrough.cpu(), pipeline.cpu(),
                        passThrough.cpu().totalMicros() / pipeline.cpu().totalMicros());
            }
        }
    }

    /** The reference: the same records copied by a Streams app with the same guarantees, nothing else. */
    private static Phase passThrough(String bootstrap, String stateDir, int records, ProcessCpu cpu) throws Exception {
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream(Topics.BANK_FEED_TRANSACTIONS.name(), Consumed.with(Serdes.ByteArray(), Serdes.ByteArray()))
                .to(PASS_THROUGH_OUT, Produced.with(Serdes.ByteArray(), Serdes.ByteArray()));
        Properties config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, "bench-pass-through");
        config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        config.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 100);
        config.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, THREADS);
        config.put(StreamsConfig.STATE_DIR_CONFIG, stateDir);
        config.put(StreamsConfig.producerPrefix(ProducerConfig.LINGER_MS_CONFIG), 5);
        config.put(StreamsConfig.consumerPrefix("max.poll.records"), 2000);
        try (KafkaStreams streams = new KafkaStreams(builder.build(), config)) {
            streams.start();
            awaitRunning(streams);
            return measure("pass-through", bootstrap, "bench-pass-through", records, cpu);
        }
    }

    private static Phase drain(ConfigurableApplicationContext app, String bootstrap, String group, int records,
            String name, ProcessCpu cpu) throws Exception {
        KafkaStreams streams = app.getBean(StreamsBuilderFactoryBean.class).getKafkaStreams();
        awaitRunning(streams);
        return measure(name, bootstrap, group, records, cpu);
    }

    private static Phase measure(String name, String bootstrap, String group, int records, ProcessCpu cpu)
            throws Exception {
        ProcessCpu.Sample before = cpu.sample();
        double rate = rate(name, bootstrap, group, records, System.nanoTime());
        return new Phase(rate, cpu.sample().perRecordSince(before, records));
    }

    /** A drained backlog: records per second, and what each record cost each party in CPU. */
    record Phase(double rate, ProcessCpu.PerRecord cpu) {
    }

    /** Records per second from {@code start} until {@code group} has committed {@code records} input offsets. */
    private static double rate(String name, String bootstrap, String group, long records, long start)
            throws Exception {
        try (Admin admin = admin(bootstrap)) {
            long done = 0;
            long lastReport = start;
            while (done < records) {
                Thread.sleep(200);
                done = committed(admin, group);
                if (System.nanoTime() - lastReport > Duration.ofSeconds(10).toNanos()) {
                    double seconds = (System.nanoTime() - start) / 1e9;
                    System.out.printf("  %s: %,d of %,d records (%.0f%%), %,.0f records/s, about %.0f s left%n", name,
                            done, records, 100.0 * done / records, done / seconds,
                            (records - done) / Math.max(1, done / seconds));
                    lastReport = System.nanoTime();
                }
            }
            return records / ((System.nanoTime() - start) / 1e9);
        }
    }

    private static Latency latency(ConfigurableApplicationContext app, LocalStack stack, double rate)
            throws Exception {
        List<AccountKey> accounts = tenantWithAccounts(stack.database(), 10);
        int records = (int) Math.min(100_000, Math.max(10_000, rate * 20));
        String bootstrap = stack.kafka().bootstrapServers();
        long before = committed(admin(bootstrap), "bench-pipeline");
        int produced = produceAtRate(bootstrap, accounts, records, rate);
        rate("latency run", bootstrap, "bench-pipeline", before + produced, System.nanoTime());
        String tenant = accounts.get(0).tenantId().toString();
        try (Connection connection = superuser(stack);
             PreparedStatement statement = connection.prepareStatement("""
                     select percentile_disc(0.5) within group (order by extract(epoch from created_at - metered_at)),
                            percentile_disc(0.99) within group (order by extract(epoch from created_at - metered_at)),
                            count(*)
                     from transactions where tenant_id = ?::uuid""")) {
            statement.setString(1, tenant);
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                return new Latency(Math.round(result.getDouble(1) * 1000), Math.round(result.getDouble(2) * 1000),
                        result.getLong(3));
            }
        }
    }

    record Latency(long p50, long p99, long records) {
    }

    private static int produce(String bootstrap, List<AccountKey> accounts, int records, int offset, Instant base)
            throws Exception {
        Random random = new Random(42);
        AtomicReference<Exception> firstFailure = new AtomicReference<>();
        try (KafkaProducer<byte[], byte[]> producer = producer(bootstrap)) {
            BankFeedTransaction previous = null;
            for (int i = 0; i < records; i++) {
                // every 20th record redelivers the one before: the pipeline must store it once
                BankFeedTransaction transaction = previous != null && i % 20 == 0 ? previous
                        : transaction(accounts.get(random.nextInt(accounts.size())), offset + i, base.plusMillis(i),
                                random);
                send(producer, transaction, firstFailure);
                previous = transaction;
            }
            producer.flush();
        }
        requireAllAcknowledged(firstFailure);
        return records;
    }

    private static int produceAtRate(String bootstrap, List<AccountKey> accounts, int records, double rate)
            throws Exception {
        Random random = new Random(7);
        long start = System.nanoTime();
        AtomicReference<Exception> firstFailure = new AtomicReference<>();
        try (KafkaProducer<byte[], byte[]> producer = producer(bootstrap)) {
            for (int i = 0; i < records; i++) {
                long due = start + (long) (i * 1e9 / rate);
                long wait = due - System.nanoTime();
                if (wait > 1_000_000) {
                    Thread.sleep(wait / 1_000_000);
                }
                send(producer, transaction(accounts.get(random.nextInt(accounts.size())), i, Instant.now(), random),
                        firstFailure);
            }
            producer.flush();
        }
        requireAllAcknowledged(firstFailure);
        return records;
    }

    private static BankFeedTransaction transaction(AccountKey account, int i, Instant receivedAt, Random random) {
        return new BankFeedTransaction(1, account.tenantId(), account.accountId(), null, Source.FEED, "bench-" + i,
                ChangeType.ADDED, Status.BOOKED, LocalDate.of(2026, 11, 1 + i % 19), null,
                BigDecimal.valueOf(-(1 + random.nextInt(50_000)), 2), "EUR", null, null,
                TEXTS[i % TEXTS.length] + " " + (i % 997), null, null, null, receivedAt);
    }

    private static void send(KafkaProducer<byte[], byte[]> producer, BankFeedTransaction transaction,
            AtomicReference<Exception> firstFailure) {
        producer.send(new ProducerRecord<>(Topics.BANK_FEED_TRANSACTIONS.name(),
                Topics.BANK_FEED_TRANSACTIONS.keySerde().serializer().serialize("", transaction.key()),
                Topics.BANK_FEED_TRANSACTIONS.valueSerde().serializer().serialize("", transaction)),
                (metadata, failure) -> {
                    if (failure != null) {
                        firstFailure.compareAndSet(null, failure);
                    }
                });
    }

    /** A record the broker did not take would leave the drain waiting for an offset that never comes. */
    private static void requireAllAcknowledged(AtomicReference<Exception> firstFailure) {
        if (firstFailure.get() != null) {
            throw new IllegalStateException("the broker refused a benchmark record; the run would not be comparable",
                    firstFailure.get());
        }
    }

    private static KafkaProducer<byte[], byte[]> producer(String bootstrap) {
        // one request in flight: right after the topics are created a partition may refuse a batch
        // (NOT_LEADER_OR_FOLLOWER), and with more in flight the idempotent producer can then refuse the retried one
        // as out of sequence until it expires (KAFKA-14359, as in TransactionPipelineIT)
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.LINGER_MS_CONFIG, 10, ProducerConfig.BATCH_SIZE_CONFIG, 262_144,
                ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4", ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 1),
                new ByteArraySerializer(), new ByteArraySerializer());
    }

    private static long unique(int records) {
        return records - (records - 1) / 20;
    }

    private static long committed(Admin admin, String group) throws ExecutionException, InterruptedException {
        Map<org.apache.kafka.common.TopicPartition, OffsetAndMetadata> offsets = admin
                .listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
        return offsets.entrySet().stream()
                .filter(e -> e.getKey().topic().equals(Topics.BANK_FEED_TRANSACTIONS.name()) && e.getValue() != null)
                .mapToLong(e -> e.getValue().offset()).sum();
    }

    private static void awaitRunning(KafkaStreams streams) throws InterruptedException {
        while (streams.state() != KafkaStreams.State.RUNNING) {
            Thread.sleep(50);
        }
    }

    private static void migrate(MeridianDatabase database) {
        Flyway.configure().dataSource(database.jdbcUrl(), database.ownerUser(), database.ownerPassword())
                .placeholders(Map.of("app_role", database.appUser())).locations("classpath:db/migration").load()
                .migrate();
    }

    private static void createTopics(String bootstrap) throws Exception {
        try (Admin admin = admin(bootstrap)) {
            List<NewTopic> topics = new ArrayList<>(Topics.all().stream().map(Topic::newTopic).toList());
            topics.add(new NewTopic(PASS_THROUGH_OUT, Topics.BANK_FEED_TRANSACTIONS.defaultPartitions(), (short) 1));
            admin.createTopics(topics).all().get();
            // producing before every partition has its leader races the election and may lose records
            List<String> names = topics.stream().map(NewTopic::name).toList();
            while (!admin.describeTopics(names).allTopicNames().get().values().stream()
                    .flatMap(topic -> topic.partitions().stream())
                    .allMatch(partition -> partition.leader() != null && !partition.leader().isEmpty())) {
                Thread.sleep(100);
            }
        }
    }

    private static List<AccountKey> tenantWithAccounts(MeridianDatabase database, int count) throws Exception {
        UUID tenant = UUID.randomUUID();
        List<AccountKey> accounts = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(database.jdbcUrl(), database.appUser(),
                database.appPassword())) {
            connection.setAutoCommit(false);
            try (PreparedStatement bind = connection.prepareStatement("select set_config('app.tenant_id', ?, true)");
                 PreparedStatement insertTenant = connection.prepareStatement(
                         "insert into tenants (tenant_id, slug, name) values (?, ?, 'Bench')");
                 PreparedStatement insertAccount = connection.prepareStatement(
                         "insert into bank_accounts (tenant_id, account_id, name, currency) values (?, ?, 'Bench', 'EUR')")) {
                bind.setString(1, tenant.toString());
                bind.execute();
                insertTenant.setObject(1, tenant);
                insertTenant.setString(2, "bench-" + tenant.toString().substring(0, 8));
                insertTenant.executeUpdate();
                for (int i = 0; i < count; i++) {
                    UUID account = UUID.randomUUID();
                    insertAccount.setObject(1, tenant);
                    insertAccount.setObject(2, account);
                    insertAccount.executeUpdate();
                    accounts.add(new AccountKey(tenant, account));
                }
            }
            connection.commit();
        }
        return accounts;
    }

    private static long count(LocalStack stack, String sql) throws Exception {
        try (Connection connection = superuser(stack);
             ResultSet result = connection.createStatement().executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        }
    }

    private static Connection superuser(LocalStack stack) throws Exception {
        return DriverManager.getConnection(stack.database().jdbcUrl(), stack.postgres().superuser(), "");
    }

    private static Admin admin(String bootstrap) {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap));
    }
}
