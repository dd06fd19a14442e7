package com.meridian.tenancy;

import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;

import javax.sql.DataSource;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The one way application code reaches tenant data.
 *
 * <p>Each call runs in a transaction whose first statement is {@code set_config('app.tenant_id', ?, true)}.
 * The row-level security policies on every tenant table compare {@code tenant_id} with that setting, so the
 * database itself, not the caller's SQL, keeps tenants apart. The setting is transaction-local: PostgreSQL
 * clears it at commit or rollback, so a pooled connection never carries a tenant to its next borrower.
 *
 * <p>A nested call joins the surrounding transaction; it must name the same tenant, or it fails.
 */
public final class TenantDatabase {

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;

    public TenantDatabase(DataSource dataSource, PlatformTransactionManager transactionManager) {
        this.jdbc = JdbcClient.create(Objects.requireNonNull(dataSource, "dataSource"));
        this.transactions = new TransactionTemplate(transactionManager);
    }

    /** Runs {@code work} in a transaction scoped to {@code tenant} and returns its result. */
    public <T> T inTenant(TenantId tenant, Function<JdbcClient, T> work) {
        Objects.requireNonNull(tenant, "tenant");
        return transactions.execute(status -> {
            bind(tenant);
            return work.apply(jdbc);
        });
    }

    /** Runs {@code work} in a transaction scoped to {@code tenant}. */
    public void inTenantRun(TenantId tenant, Consumer<JdbcClient> work) {
        inTenant(tenant, client -> {
            work.accept(client);
            return null;
        });
    }

    private void bind(TenantId tenant) {
        String bound = jdbc.sql("select coalesce(current_setting('app.tenant_id', true), '')").query(String.class).single();
        if (!bound.isEmpty() && !bound.equals(tenant.toString())) {
            throw new IllegalStateException(
                    "transaction is already bound to another tenant; refusing to switch to " + tenant);
        }
        jdbc.sql("select set_config('app.tenant_id', ?, true)").param(tenant.toString()).query(String.class).single();
    }
}
