package com.meridian.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

class LocalStackPropertiesTest {

    private final MeridianDatabase database = new MeridianDatabase("jdbc:postgresql://127.0.0.1:5555/meridian",
            "meridian_owner", "owner-secret", "meridian_app", "app-secret");

    private final Map<String, Object> properties =
            LocalStack.springProperties(database, "127.0.0.1:9092", Path.of("/tmp/streams"));

    @Test
    void theAppRunsAsTheApplicationRole() {
        assertThat(properties)
                .containsEntry("spring.datasource.url", "jdbc:postgresql://127.0.0.1:5555/meridian")
                .containsEntry("spring.datasource.username", "meridian_app")
                .containsEntry("spring.datasource.password", "app-secret");
    }

    @Test
    void flywayMigratesAsTheOwner() {
        assertThat(properties)
                .containsEntry("spring.flyway.url", "jdbc:postgresql://127.0.0.1:5555/meridian")
                .containsEntry("spring.flyway.user", "meridian_owner")
                .containsEntry("spring.flyway.password", "owner-secret");
    }

    @Test
    void kafkaClientsAndStreamsUseTheLocalBroker() {
        assertThat(properties)
                .containsEntry("spring.kafka.bootstrap-servers", "127.0.0.1:9092")
                .containsEntry("spring.kafka.streams.state-dir", "/tmp/streams")
                .hasSize(8);
    }
}
