package com.meridian.api;

import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;

/**
 * Another instance of the application, as a deployment would run it: the same database and broker as the test
 * context whose {@link Environment} is given, its own port, no demo tenant and no stream workers.
 */
final class AnotherInstance {

    private static final String[] SHARED_SERVERS = {"spring.datasource.url", "spring.datasource.username",
            "spring.datasource.password", "spring.flyway.url", "spring.flyway.user", "spring.flyway.password",
            "spring.kafka.bootstrap-servers", "spring.kafka.streams.state-dir"};

    private AnotherInstance() {
    }

    /** Starts it; {@code extraArguments} are {@code --name=value} settings of its own. */
    static ConfigurableApplicationContext start(Environment servers, String... extraArguments) {
        List<String> arguments = new ArrayList<>();
        for (String name : SHARED_SERVERS) {
            arguments.add("--" + name + "=" + servers.getProperty(name));
        }
        arguments.addAll(List.of("--server.port=0", "--meridian.demo.enabled=false", "--meridian.ingest.streams.enabled=false"));
        arguments.addAll(List.of(extraArguments));
        return new SpringApplicationBuilder(MeridianApplication.class).profiles("test").run(arguments.toArray(String[]::new));
    }

    static int port(ConfigurableApplicationContext instance) {
        return Integer.parseInt(instance.getEnvironment().getRequiredProperty("local.server.port"));
    }
}
