package com.meridian.ingest.stream;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.flywaydb.core.Flyway;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import com.meridian.localstack.LocalStack;
import com.meridian.localstack.MeridianDatabase;
import com.meridian.schemas.events.AccountKey;
import com.meridian.tenancy.TenantDatabase;
import com.meridian.tenancy.TenantId;

/**
 * Test support: the local stack's Meridian database, migrated once, where each test creates tenants and accounts
 * of its own (through {@link TenantDatabase}, as the application role) and reads the ground truth as superuser.
 */
final class PipelineDatabase {

    private static PipelineDatabase shared;

    private final LocalStack stack;
    private final TenantDatabase tenants;

    private PipelineDatabase(LocalStack stack) {
        this.stack = stack;
        MeridianDatabase roles = stack.database();
        Flyway.configure().dataSource(roles.jdbcUrl(), roles.ownerUser(), roles.ownerPassword())
                .placeholders(Map.of("app_role", roles.appUser())).locations("classpath:db/migration").load()
                .migrate();
        DriverManagerDataSource app = new DriverManagerDataSource(roles.jdbcUrl(), roles.appUser(),
                roles.appPassword());
        this.tenants = new TenantDatabase(app, new DataSourceTransactionManager(app));
    }

    static synchronized PipelineDatabase shared() {
        if (shared == null) {
            shared = new PipelineDatabase(LocalStack.shared());
        }
        return shared;
    }

    TenantDatabase tenantDatabase() {
        return tenants;
    }

    /** A new tenant in {@code zone} with {@code count} EUR accounts; returns their keys. */
    List<AccountKey> newTenant(String zone, int count) {
        UUID tenant = UUID.randomUUID();
        return tenants.inTenant(new TenantId(tenant), jdbc -> {
            jdbc.sql("insert into tenants (tenant_id, slug, name, time_zone) values (?, ?, ?, ?)").param(tenant)
                    .param("t-" + tenant).param("Tenant " + tenant).param(zone).update();
            List<AccountKey> accounts = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                UUID account = UUID.randomUUID();
                jdbc.sql("insert into bank_accounts (tenant_id, account_id, name, currency) values (?, ?, ?, 'EUR')")
                        .param(tenant).param(account).param("Account " + i).update();
                accounts.add(new AccountKey(tenant, account));
            }
            return accounts;
        });
    }

    /** Runs a query as superuser (no row-level security): the ground truth. */
    <T> List<T> query(String sql, RowReader<T> reader, Object... params) {
        try (Connection connection = DriverManager.getConnection(stack.database().jdbcUrl(),
                stack.postgres().superuser(), "");
             PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                statement.setObject(i + 1, params[i]);
            }
            List<T> rows = new ArrayList<>();
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    rows.add(reader.read(result));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    long count(String sql, Object... params) {
        return query(sql, result -> result.getLong(1), params).get(0);
    }

    /** Reads one row. */
    interface RowReader<T> {
        T read(ResultSet result) throws SQLException;
    }
}
