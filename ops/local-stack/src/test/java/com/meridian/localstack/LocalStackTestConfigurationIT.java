package com.meridian.localstack;

import static com.meridian.localstack.Probes.acceptsConnections;
import static com.meridian.localstack.Probes.isAlive;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.springframework.test.annotation.DirtiesContext;

/**
 * The configuration as other modules use it. The shutdown order is checked after the Spring extension has
 * closed the context: {@link ServersOutliveAppBeans} is registered before it, so its callback runs after.
 */
@ExtendWith(LocalStackTestConfigurationIT.ServersOutliveAppBeans.class)
@SpringBootTest(classes = LocalStackTestConfigurationIT.App.class)
@Import(LocalStackTestConfiguration.class)
@DirtiesContext // closes the context after this class, so the shutdown can be checked
class LocalStackTestConfigurationIT {

    private static ServersProbe probe;
    private static int postgresPort;
    private static long brokerPid;

    @Autowired
    Environment environment;

    @Autowired
    LocalStack stack;

    @Autowired
    ServersProbe serversProbe;

    @Test
    void theAppIsPointedAtTheStack() {
        assertThat(environment.getProperty("spring.datasource.url")).isEqualTo(stack.database().jdbcUrl());
        assertThat(environment.getProperty("spring.datasource.username")).isEqualTo("meridian_app");
        assertThat(environment.getProperty("spring.flyway.user")).isEqualTo("meridian_owner");
        assertThat(environment.getProperty("spring.kafka.bootstrap-servers")).isEqualTo(stack.kafka().bootstrapServers());
        probe = serversProbe;
        postgresPort = stack.postgres().port();
        brokerPid = stack.kafka().pid();
    }

    static class ServersOutliveAppBeans implements AfterAllCallback {

        @Override
        public void afterAll(ExtensionContext context) {
            assertThat(probe.serversUpAtDestroy()).as("servers up when the app bean was destroyed").isTrue();
            assertThat(acceptsConnections(postgresPort)).as("PostgreSQL accepts connections").isFalse();
            assertThat(isAlive(brokerPid)).as("broker alive").isFalse();
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class App {

        @Bean
        ServersProbe serversProbe(Environment environment) {
            return new ServersProbe(environment);
        }
    }
}
