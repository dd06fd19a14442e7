package com.meridian.api;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

import com.meridian.api.apikeys.IssuedApiKey;
import com.meridian.api.exports.DemoExport;
import com.meridian.api.feeds.DemoFeed;
import com.meridian.api.tenants.DemoTenant;
import com.meridian.localstack.LocalStackInitializer;

/**
 * The whole platform on embedded defaults: starts a real PostgreSQL server and a real Kafka broker,
 * then Meridian against them with a demo tenant. Run it with {@code ./mvnw -pl api -am test-compile spring-boot:test-run}.
 * Ctrl-C or SIGTERM stops Meridian first, then the broker and the database, leaving no process behind.
 */
public final class LocalMeridian {

    private LocalMeridian() {
    }

    public static void main(String[] args) throws Exception {
        SpringApplication application = new SpringApplication(MeridianApplication.class);
        application.addInitializers(new LocalStackInitializer());
        application.setAdditionalProfiles("local");
        ConfigurableApplicationContext context = application.run(args);
        printWhereToLook(context);
        DemoFeed.pushAndPrint(context);
        DemoExport.writeAndPrint(context);
    }

    private static void printWhereToLook(ConfigurableApplicationContext context) {
        String base = "http://localhost:" + context.getEnvironment().getProperty("local.server.port");
        IssuedApiKey key = context.getBean(DemoTenant.class).key();
        String database = context.getEnvironment().getProperty("spring.datasource.url");
        String kafka = context.getEnvironment().getProperty("spring.kafka.bootstrap-servers");
        System.out.printf("""

                ============================================================================
                 Meridian is running on embedded defaults.
                   API          %1$s
                   Readiness    %1$s/actuator/health/readiness
                   Metrics      %1$s/actuator/prometheus
                   PostgreSQL   %3$s
                   Kafka        %4$s
                 Demo tenant 'demo', owner API key (shown once):
                   %2$s
                 Try:
                   curl -s -H 'Authorization: Bearer %2$s' %1$s/v1/tenant
                 Stop with Ctrl-C.
                ============================================================================

                """, base, key.plaintext(), database, kafka);
    }
}
