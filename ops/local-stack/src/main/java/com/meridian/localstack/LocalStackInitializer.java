package com.meridian.localstack;

import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Runs an app against a {@link LocalStack} of its own, outside tests (where {@code DynamicPropertyRegistrar}
 * is ignored): {@code application.addInitializers(new LocalStackInitializer())}.
 *
 * <p>The stack's {@linkplain LocalStack#springProperties() properties} take precedence over every other
 * property source. The stack is a bean ({@code meridianLocalStack}) registered before all others, so the
 * context destroys it last: the servers stop after the app's beans, also when the refresh fails.
 */
public final class LocalStackInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    static final String BEAN_NAME = "meridianLocalStack";

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        DefaultListableBeanFactory beans = beanFactory(context);
        LocalStack stack = LocalStack.start();
        context.getEnvironment().getPropertySources()
                .addFirst(new MapPropertySource(BEAN_NAME, stack.springProperties()));
        beans.registerSingleton(BEAN_NAME, stack);
        beans.registerDisposableBean(BEAN_NAME, stack::close);
    }

    private static DefaultListableBeanFactory beanFactory(ConfigurableApplicationContext context) {
        if (context instanceof GenericApplicationContext generic) {
            return generic.getDefaultListableBeanFactory();
        }
        throw new IllegalStateException("LocalStackInitializer needs a GenericApplicationContext (as Spring Boot"
                + " creates), not a " + context.getClass().getName());
    }
}
