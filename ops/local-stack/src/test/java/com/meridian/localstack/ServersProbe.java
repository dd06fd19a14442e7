package com.meridian.localstack;

import java.sql.SQLException;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.core.env.Environment;

/**
 * Stands in for an app bean that uses the servers (a DataSource, a Kafka client): when its context destroys
 * it, it checks that PostgreSQL and the broker are still up, as they must be for a clean shutdown.
 */
class ServersProbe implements DisposableBean {

    private final String jdbcUrl;
    private final String user;
    private final String password;
    private final int kafkaPort;
    private volatile Boolean serversUpAtDestroy;

    ServersProbe(Environment environment) {
        this.jdbcUrl = environment.getRequiredProperty("spring.datasource.url");
        this.user = environment.getRequiredProperty("spring.datasource.username");
        this.password = environment.getRequiredProperty("spring.datasource.password");
        String bootstrap = environment.getRequiredProperty("spring.kafka.bootstrap-servers");
        this.kafkaPort = Integer.parseInt(bootstrap.substring(bootstrap.lastIndexOf(':') + 1));
    }

    @Override
    public void destroy() {
        serversUpAtDestroy = postgresAnswers() && Probes.acceptsConnections(kafkaPort);
    }

    /** Null until the context destroyed the probe. */
    Boolean serversUpAtDestroy() {
        return serversUpAtDestroy;
    }

    private boolean postgresAnswers() {
        try {
            return "1".equals(Probes.queryOne(jdbcUrl, user, password, "select 1"));
        } catch (SQLException e) {
            return false;
        }
    }
}
