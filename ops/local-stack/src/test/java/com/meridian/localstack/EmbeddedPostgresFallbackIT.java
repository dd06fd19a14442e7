package com.meridian.localstack;

import static com.meridian.localstack.Probes.acceptsConnections;
import static com.meridian.localstack.Probes.isAlive;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;

import org.junit.jupiter.api.Test;

/** The fallback for machines without server binaries, forced here because this machine has them. */
class EmbeddedPostgresFallbackIT {

    @Test
    void zonkyServesTheSameApi() throws SQLException {
        int port;
        long postmaster;
        try (LocalPostgres postgres = LocalPostgres.startEmbedded()) {
            port = postgres.port();
            postmaster = postgres.postmasterPid();
            MeridianDatabase database = MeridianDatabase.provision(postgres);

            assertThat(Probes.queryOne(postgres.jdbcUrl("postgres"), postgres.superuser(), "", "select version()"))
                    .startsWith("PostgreSQL 15");
            assertThat(Probes.queryOne(database.jdbcUrl(), database.appUser(), database.appPassword(),
                    "select current_user")).isEqualTo("meridian_app");
        }

        assertThat(acceptsConnections(port)).as("PostgreSQL accepts connections").isFalse();
        assertThat(isAlive(postmaster)).as("postmaster alive").isFalse();
    }
}
