package com.meridian.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(LocalPostgresExtension.class)
class LocalPostgresExtensionIT {

    @Test
    void injectsThePartsOfTheSharedStack(LocalStack stack, MeridianDatabase database, LocalPostgres postgres,
            LocalKafka kafka) throws SQLException {
        assertThat(stack).isSameAs(LocalStack.shared());
        assertThat(database).isEqualTo(stack.database());
        assertThat(postgres).isSameAs(stack.postgres());
        assertThat(kafka).isSameAs(stack.kafka());
        assertThat(Probes.queryOne(database.jdbcUrl(), database.appUser(), database.appPassword(), "select 1"))
                .isEqualTo("1");
    }
}
