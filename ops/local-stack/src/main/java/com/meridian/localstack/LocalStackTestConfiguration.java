package com.meridian.localstack;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistrar;

/**
 * Points a {@code @SpringBootTest} at a real PostgreSQL and a real Kafka broker: put
 * {@code @Import(LocalStackTestConfiguration.class)} on every Spring test of a module.
 *
 * <p>Each application context gets a {@link LocalStack} of its own, as a bean. As long as every test of a
 * module imports this same configuration (and otherwise shares its context configuration), Spring caches one
 * context per JVM and there is one PostgreSQL and one broker; a context with another configuration (say, a
 * {@code @MockitoBean}) gets servers of its own. The stack bean is created before the app's beans (the property
 * registrar depends on it, and Spring creates registrars before the other singletons), so the context destroys
 * it after them: the DataSource, Kafka clients and Streams close while the servers are still up.
 */
@TestConfiguration(proxyBeanMethods = false)
public class LocalStackTestConfiguration {

    @Bean(destroyMethod = "close")
    LocalStack meridianLocalStack() {
        return LocalStack.start();
    }

    @Bean
    DynamicPropertyRegistrar meridianLocalStackProperties(LocalStack meridianLocalStack) {
        return registry -> meridianLocalStack.springProperties().forEach((name, value) -> registry.add(name, () -> value));
    }
}
