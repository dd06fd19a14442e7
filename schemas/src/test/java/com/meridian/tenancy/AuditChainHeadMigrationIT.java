package com.meridian.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import com.meridian.localstack.LocalStack;
import com.meridian.localstack.MeridianDatabase;

/**
 * V33 gives every tenant that already has audit entries a chain head at its current end, so that truncating an
 * existing chain is detected from the moment the migration ran, and later entries continue from that head.
 */
class AuditChainHeadMigrationIT {

    private static final String DATABASE = "meridian_audit_head_migration";
    private static final String TENANT = "cccccccc-0000-4000-8000-00000000000c";

    @Test
    void existingChainsGetTheirHeadAndContinueFromIt() throws Exception {
        LocalStack stack = LocalStack.shared();
        MeridianDatabase roles = stack.database();
        String url = stack.postgres().jdbcUrl(DATABASE);
        try (Connection su = DriverManager.getConnection(stack.postgres().jdbcUrl("postgres"), stack.postgres().superuser(), "");
                Statement sql = su.createStatement()) {
            sql.execute("drop database if exists " + DATABASE);
            sql.execute("create database " + DATABASE + " owner " + roles.ownerUser());
            sql.execute("grant connect on database " + DATABASE + " to " + roles.appUser());
        }
        migrate(url, roles, "32");
        try (Connection app = DriverManager.getConnection(url, roles.appUser(), roles.appPassword()); Statement sql = app.createStatement()) {
            app.setAutoCommit(false);
            sql.execute("select set_config('app.tenant_id', '" + TENANT + "', true)");
            sql.execute("insert into tenants (tenant_id, slug, name) values ('" + TENANT + "', 'before-v33', 'Before V33')");
            for (int i = 0; i < 3; i++) {
                sql.execute("insert into audit_log (tenant_id, actor_type, action) values ('" + TENANT + "', 'system', 'before.v33')");
            }
            app.commit();
        }

        migrate(url, roles, "latest");

        try (Connection app = DriverManager.getConnection(url, roles.appUser(), roles.appPassword()); Statement sql = app.createStatement()) {
            app.setAutoCommit(false);
            sql.execute("select set_config('app.tenant_id', '" + TENANT + "', true)");
            try (ResultSet head = sql.executeQuery("select h.last_seq, h.last_hash = a.entry_hash from audit_chain_heads h "
                    + "join audit_log a on a.tenant_id = h.tenant_id and a.seq = 3")) {
                assertThat(head.next()).as("a head for the existing chain").isTrue();
                assertThat(head.getLong(1)).isEqualTo(3);
                assertThat(head.getBoolean(2)).isTrue();
            }
            sql.execute("insert into audit_log (tenant_id, actor_type, action) values ('" + TENANT + "', 'system', 'after.v33')");
            try (ResultSet verdict = sql.executeQuery("select first_broken_seq, problem, entries, head_seq from audit_log_verification()")) {
                verdict.next();
                assertThat(verdict.getObject(1)).isNull();
                assertThat(verdict.getString(2)).isNull();
                assertThat(verdict.getLong(3)).isEqualTo(4);
                assertThat(verdict.getLong(4)).isEqualTo(4);
            }
            try (ResultSet forced = sql.executeQuery("select relforcerowsecurity from pg_class where relname = 'audit_log'")) {
                forced.next();
                assertThat(forced.getBoolean(1)).as("audit_log forces row-level security again").isTrue();
            }
            app.commit();
        }
    }

    private static void migrate(String url, MeridianDatabase roles, String target) {
        Flyway.configure().dataSource(url, roles.ownerUser(), roles.ownerPassword())
                .placeholders(Map.of("app_role", roles.appUser())).locations("classpath:db/migration")
                .target(target).load().migrate();
    }
}
