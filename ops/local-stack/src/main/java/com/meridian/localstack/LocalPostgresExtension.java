package com.meridian.localstack;

import java.util.Set;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * For tests without Spring: {@code @ExtendWith(LocalPostgresExtension.class)} starts the JVM's
 * {@linkplain LocalStack#shared() shared stack} before the class's tests and injects {@link LocalStack},
 * {@link MeridianDatabase}, {@link LocalPostgres} and {@link LocalKafka} parameters. The stack lives in the
 * JUnit root store, which closes it at the end of the test run.
 */
public final class LocalPostgresExtension implements BeforeAllCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(LocalPostgresExtension.class);
    private static final Set<Class<?>> RESOLVED = Set.of(LocalStack.class, MeridianDatabase.class,
            LocalPostgres.class, LocalKafka.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        stack(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return RESOLVED.contains(parameter.getParameter().getType());
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        LocalStack stack = stack(context);
        Class<?> type = parameter.getParameter().getType();
        if (type == MeridianDatabase.class) {
            return stack.database();
        }
        if (type == LocalPostgres.class) {
            return stack.postgres();
        }
        return type == LocalKafka.class ? stack.kafka() : stack;
    }

    private static LocalStack stack(ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE)
                .computeIfAbsent(LocalStack.class, type -> LocalStack.shared(), LocalStack.class);
    }
}
