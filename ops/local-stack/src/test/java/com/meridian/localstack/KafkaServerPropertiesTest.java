package com.meridian.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.Properties;

import org.junit.jupiter.api.Test;

class KafkaServerPropertiesTest {

    private final Properties rendered = parse(new KafkaServerProperties(9092, 9093, Path.of("/tmp/k/data")).render());

    @Test
    void oneNodeIsBrokerAndControllerOnLoopback() {
        assertThat(rendered)
                .containsEntry("process.roles", "broker,controller")
                .containsEntry("controller.quorum.voters", "1@127.0.0.1:9093")
                .containsEntry("listeners", "PLAINTEXT://127.0.0.1:9092,CONTROLLER://127.0.0.1:9093")
                .containsEntry("advertised.listeners", "PLAINTEXT://127.0.0.1:9092")
                .containsEntry("log.dirs", "/tmp/k/data");
    }

    @Test
    void transactionsWorkOnASingleNode() {
        assertThat(rendered)
                .containsEntry("offsets.topic.replication.factor", "1")
                .containsEntry("transaction.state.log.replication.factor", "1")
                .containsEntry("transaction.state.log.min.isr", "1");
    }

    @Test
    void topicsMustBeDeclared() {
        assertThat(rendered)
                .containsEntry("auto.create.topics.enable", "false")
                .containsEntry("num.partitions", "3");
    }

    private static Properties parse(String text) {
        Properties properties = new Properties();
        try {
            properties.load(new StringReader(text));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return properties;
    }
}
