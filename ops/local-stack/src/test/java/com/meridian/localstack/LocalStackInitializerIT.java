package com.meridian.localstack;

import static com.meridian.localstack.Probes.acceptsConnections;
import static com.meridian.localstack.Probes.isAlive;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

class LocalStackInitializerIT {

    @Test
    void theAppRunsAgainstTheStackWhichStopsAfterTheAppsBeans() {
        SpringApplication application = new SpringApplication(App.class);
        application.setWebApplicationType(WebApplicationType.NONE);
        application.setBannerMode(Banner.Mode.OFF);
        application.addInitializers(new LocalStackInitializer());
        ConfigurableApplicationContext context = application.run("--spring.datasource.url=jdbc:postgresql://elsewhere/db");
        LocalStack stack = context.getBean(LocalStack.class);
        ServersProbe probe = context.getBean(ServersProbe.class);
        int postgresPort = stack.postgres().port();
        long brokerPid = stack.kafka().pid();

        assertThat(context.getEnvironment().getProperty("spring.datasource.url"))
                .as("the stack's properties come first").isEqualTo(stack.database().jdbcUrl());
        context.close();

        assertThat(probe.serversUpAtDestroy()).as("servers up when the app bean was destroyed").isTrue();
        assertThat(acceptsConnections(postgresPort)).as("PostgreSQL accepts connections").isFalse();
        assertThat(isAlive(brokerPid)).as("broker alive").isFalse();
    }

    @Configuration(proxyBeanMethods = false)
    static class App {

        @Bean
        ServersProbe serversProbe(Environment environment) {
            return new ServersProbe(environment);
        }
    }
}
