package com.meridian.localstack;

import static com.meridian.localstack.Probes.acceptsConnections;
import static com.meridian.localstack.Probes.isAlive;
import static com.meridian.localstack.Probes.queryOne;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer.OrderAnnotation;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/** A stack of its own (not the shared one), because the last test closes it. */
@TestMethodOrder(OrderAnnotation.class)
class LocalStackIT {

    private static LocalStack stack;

    @BeforeAll
    static void start() {
        stack = LocalStack.start();
    }

    @AfterAll
    static void stop() {
        stack.close();
    }

    @Test
    @Order(1)
    void postgresAnswersTheSuperuser() throws SQLException {
        LocalPostgres postgres = stack.postgres();

        assertThat(postgres.jdbcUrl("postgres")).isEqualTo("jdbc:postgresql://127.0.0.1:" + postgres.port() + "/postgres");
        assertThat(queryOne(postgres.jdbcUrl("postgres"), postgres.superuser(), "", "select version()"))
                .startsWith("PostgreSQL ");
    }

    @Test
    @Order(2)
    void theApplicationRoleConnectsButIsUnprivilegedAndOwnsNothing() throws SQLException {
        MeridianDatabase database = stack.database();

        assertThat(queryOne(database.jdbcUrl(), database.appUser(), database.appPassword(), "select current_user"))
                .isEqualTo("meridian_app");
        assertThat(asSuperuser("select rolsuper or rolbypassrls or rolcreatedb or rolcreaterole"
                + " from pg_roles where rolname = 'meridian_app'")).isEqualTo("f");
        assertThat(asSuperuser("select count(*) from pg_shdepend where deptype = 'o' and refobjid ="
                + " (select oid from pg_roles where rolname = 'meridian_app')")).isEqualTo("0");
    }

    @Test
    @Order(3)
    void theOwnerRoleOwnsTheDatabaseWithoutBeingSuperuser() throws SQLException {
        MeridianDatabase database = stack.database();

        assertThat(queryOne(database.jdbcUrl(), database.ownerUser(), database.ownerPassword(), "select current_user"))
                .isEqualTo("meridian_owner");
        assertThat(asSuperuser("select pg_get_userbyid(datdba) from pg_database where datname = 'meridian'"))
                .isEqualTo("meridian_owner");
        assertThat(asSuperuser("select rolsuper from pg_roles where rolname = 'meridian_owner'")).isEqualTo("f");
    }

    @Test
    @Order(4)
    void otherRolesCannotConnectToTheMeridianDatabase() throws SQLException {
        executeAsSuperuser("create role stranger login");

        assertThatThrownBy(() -> DriverManager.getConnection(stack.database().jdbcUrl(), "stranger", "").close())
                .hasMessageContaining("permission denied for database");
    }

    @Test
    @Order(5)
    void provisioningAgainChangesNothing() {
        assertThat(MeridianDatabase.provision(stack.postgres())).isEqualTo(stack.database());
    }

    @Test
    @Order(6)
    void aRecordMakesTheRoundTrip() throws Exception {
        createTopic("round-trip");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(producerConfig(Map.of()))) {
            producer.send(new ProducerRecord<>("round-trip", "key", "hello")).get();
        }

        assertThat(consumeAll("round-trip", "read_uncommitted")).containsExactly("hello");
    }

    @Test
    @Order(7)
    void aTransactionalProducerCommits() throws Exception {
        createTopic("transactions");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(
                producerConfig(Map.of(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "local-stack-it")))) {
            producer.initTransactions();
            producer.beginTransaction();
            producer.send(new ProducerRecord<>("transactions", "key", "committed"));
            producer.commitTransaction();
        }

        assertThat(consumeAll("transactions", "read_committed")).containsExactly("committed");
    }

    @Test
    @Order(Integer.MAX_VALUE)
    void closeStopsBothServersAndDeletesTheirFiles() {
        int postgresPort = stack.postgres().port();
        long brokerPid = stack.kafka().pid();

        stack.close();

        assertThat(acceptsConnections(postgresPort)).as("PostgreSQL accepts connections").isFalse();
        assertThat(isAlive(brokerPid)).as("broker alive").isFalse();
        assertThat(Files.exists(stack.stateDir())).as("state dir exists").isFalse();
    }

    private static String asSuperuser(String query) throws SQLException {
        LocalPostgres postgres = stack.postgres();
        return queryOne(postgres.jdbcUrl("postgres"), postgres.superuser(), "", query);
    }

    private static void executeAsSuperuser(String sql) throws SQLException {
        LocalPostgres postgres = stack.postgres();
        try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl("postgres"), postgres.superuser(), "");
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static void createTopic(String name) throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", stack.kafka().bootstrapServers()))) {
            admin.createTopics(Set.of(new NewTopic(name, 1, (short) 1))).all().get();
        }
    }

    private static Map<String, Object> producerConfig(Map<String, Object> extra) {
        Map<String, Object> config = new HashMap<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafka().bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class));
        config.putAll(extra);
        return config;
    }

    private static List<String> consumeAll(String topic, String isolation) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafka().bootstrapServers());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "local-stack-it-" + topic);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, isolation);
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        List<String> values = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (values.isEmpty() && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    values.add(record.value());
                }
            }
        }
        return values;
    }
}
