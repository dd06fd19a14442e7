package com.meridian.tenancy;

import static com.meridian.tenancy.MigratedDatabase.TENANT_A;
import static com.meridian.tenancy.MigratedDatabase.TENANT_B;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

import com.zaxxer.hikari.HikariDataSource;

/**
 * Proves that tenant binding never outlives its transaction: the next borrower of a pooled connection
 * starts with no tenant, whether the previous work committed, failed or tried to switch tenants.
 */
class TenantDatabaseIT {

    private static HikariDataSource pool;
    private static TenantDatabase tenants;

    @BeforeAll
    static void onePooledConnection() {
        MigratedDatabase database = MigratedDatabase.shared();
        pool = new HikariDataSource();
        pool.setJdbcUrl(database.jdbcUrl());
        pool.setUsername(database.roles().appUser());
        pool.setPassword(database.roles().appPassword());
        // one connection, so every borrower is handed the very connection the previous one used
        pool.setMaximumPoolSize(1);
        tenants = new TenantDatabase(pool, new DataSourceTransactionManager(pool));
    }

    @AfterAll
    static void closePool() {
        pool.close();
    }

    @Test
    void aTenantSeesOnlyItsOwnTransactions() {
        UUID seenByA = tenants.inTenant(TENANT_A, jdbc -> jdbc.sql("select tenant_id from transactions").query(UUID.class).single());
        UUID seenByB = tenants.inTenant(TENANT_B, jdbc -> jdbc.sql("select tenant_id from transactions").query(UUID.class).single());

        assertThat(seenByA).isEqualTo(TENANT_A.value());
        assertThat(seenByB).isEqualTo(TENANT_B.value());
    }

    @Test
    void theNextBorrowerStartsWithoutATenantAfterCommit() throws Exception {
        tenants.inTenant(TENANT_A, jdbc -> jdbc.sql("select count(*) from transactions").query(Long.class).single());

        assertNextBorrowerIsUnbound();
    }

    @Test
    void theNextBorrowerStartsWithoutATenantAfterFailure() throws Exception {
        assertThatThrownBy(() -> tenants.inTenantRun(TENANT_A, jdbc -> {
            jdbc.sql("select count(*) from transactions").query(Long.class).single();
            throw new IllegalArgumentException("work failed");
        })).hasMessage("work failed");

        assertNextBorrowerIsUnbound();
    }

    @Test
    void aNestedCallCannotSwitchTenants() throws Exception {
        assertThatThrownBy(() -> tenants.inTenant(TENANT_A,
                outer -> tenants.inTenant(TENANT_B, inner -> inner.sql("select count(*) from transactions").query(Long.class).single())))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("another tenant");

        assertNextBorrowerIsUnbound();
    }

    @Test
    void aNestedCallForTheSameTenantJoinsTheTransaction() {
        long count = tenants.inTenant(TENANT_A,
                outer -> tenants.inTenant(TENANT_A, inner -> inner.sql("select count(*) from transactions").query(Long.class).single()));

        assertThat(count).isEqualTo(1);
    }

    @Test
    void aTransactionAcrossTenantsSeesEachTenantOnlyInsideItsOwnCall() throws Exception {
        List<UUID> seen = new ArrayList<>();
        tenants.inOneTransactionAcrossTenants(() -> {
            seen.addAll(tenants.inTenant(TENANT_A, jdbc -> jdbc.sql("select tenant_id from transactions").query(UUID.class).list()));
            seen.addAll(tenants.inTenant(TENANT_B, jdbc -> jdbc.sql("select tenant_id from transactions").query(UUID.class).list()));
        });

        assertThat(seen).containsExactly(TENANT_A.value(), TENANT_B.value());
        assertNextBorrowerIsUnbound();
    }

    @Test
    void aTransactionAcrossTenantsCommitsOrRollsBackAsOne() throws Exception {
        assertThatThrownBy(() -> tenants.inOneTransactionAcrossTenants(() -> {
            tenants.inTenantRun(TENANT_A, jdbc -> jdbc.sql("update transactions set description = 'changed by A'").update());
            tenants.inTenantRun(TENANT_B, jdbc -> {
                throw new IllegalArgumentException("second tenant failed");
            });
        })).hasMessage("second tenant failed");

        String description = tenants.inTenant(TENANT_A, jdbc -> jdbc.sql("select description from transactions").query(String.class).single());
        assertThat(description).isNotEqualTo("changed by A");
        assertNextBorrowerIsUnbound();
    }

    @Test
    void aTransactionAcrossTenantsCannotJoinATenantsTransaction() {
        assertThatThrownBy(() -> tenants.inTenantRun(TENANT_A, jdbc -> tenants.inOneTransactionAcrossTenants(() -> { })))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("surrounding transaction");
    }

    private static void assertNextBorrowerIsUnbound() throws Exception {
        try (Connection next = pool.getConnection(); Statement sql = next.createStatement();
             ResultSet rows = sql.executeQuery("select coalesce(current_setting('app.tenant_id', true), ''), "
                     + "(select count(*) from transactions), (select count(*) from tenants)")) {
            rows.next();
            assertThat(rows.getString(1)).as("tenant setting").isEmpty();
            assertThat(rows.getLong(2)).as("visible transactions").isZero();
            assertThat(rows.getLong(3)).as("visible tenants").isZero();
        }
    }
}
