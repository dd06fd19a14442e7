package com.meridian.tenancy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;

import org.flywaydb.core.Flyway;

import com.meridian.localstack.LocalStack;
import com.meridian.localstack.MeridianDatabase;

/**
 * Test support: a database of the local stack migrated with Meridian's Flyway migrations (as the owner)
 * and holding the fixture rows of two tenants. Connections are opened per role: the superuser sees the
 * ground truth (it bypasses row-level security), the application role is the one under test.
 */
final class MigratedDatabase {

    static final TenantId TENANT_A = new TenantId(UUID.fromString("aaaaaaaa-0000-4000-8000-00000000000a"));
    static final TenantId TENANT_B = new TenantId(UUID.fromString("bbbbbbbb-0000-4000-8000-00000000000b"));

    private static MigratedDatabase shared;

    private final LocalStack stack;
    private final String jdbcUrl;

    private MigratedDatabase(LocalStack stack, String database) {
        this.stack = stack;
        this.jdbcUrl = stack.postgres().jdbcUrl(database);
        MeridianDatabase roles = stack.database();
        Flyway.configure()
                .dataSource(jdbcUrl, roles.ownerUser(), roles.ownerPassword())
                .placeholders(Map.of("app_role", roles.appUser()))
                .locations("classpath:db/migration")
                .load()
                .migrate();
        loadFixture(TENANT_A, 1);
        loadFixture(TENANT_B, 2);
    }

    /** The Meridian database of this JVM's local stack, migrated and loaded once. */
    static synchronized MigratedDatabase shared() {
        if (shared == null) {
            LocalStack stack = LocalStack.shared();
            shared = new MigratedDatabase(stack, databaseName(stack.database()));
        }
        return shared;
    }

    /** A fresh, separately migrated database that a test may damage. */
    static MigratedDatabase scratch(String name) {
        LocalStack stack = LocalStack.shared();
        try (Connection su = DriverManager.getConnection(stack.postgres().jdbcUrl("postgres"), stack.postgres().superuser(), "");
             Statement sql = su.createStatement()) {
            sql.execute("drop database if exists " + name);
            sql.execute("create database " + name + " owner " + stack.database().ownerUser());
            sql.execute("grant connect on database " + name + " to " + stack.database().appUser());
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create scratch database " + name, e);
        }
        return new MigratedDatabase(stack, name);
    }

    Connection superuser() throws SQLException {
        return DriverManager.getConnection(jdbcUrl, stack.postgres().superuser(), "");
    }

    Connection owner() throws SQLException {
        return DriverManager.getConnection(jdbcUrl, stack.database().ownerUser(), stack.database().ownerPassword());
    }

    Connection application() throws SQLException {
        return DriverManager.getConnection(jdbcUrl, stack.database().appUser(), stack.database().appPassword());
    }

    String jdbcUrl() {
        return jdbcUrl;
    }

    MeridianDatabase roles() {
        return stack.database();
    }

    private void loadFixture(TenantId tenant, int n) {
        String script = readFixture().replace("${tenant}", tenant.toString()).replace("${n}", Integer.toString(n));
        try (Connection su = superuser(); Statement sql = su.createStatement()) {
            sql.execute(script);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot load the tenant fixture", e);
        }
    }

    private static String readFixture() {
        try (InputStream in = MigratedDatabase.class.getResourceAsStream("/tenant-fixture.sql")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String databaseName(MeridianDatabase database) {
        String url = database.jdbcUrl();
        return url.substring(url.lastIndexOf('/') + 1).replaceAll("\\?.*", "");
    }
}
