package com.meridian.tenancy;

import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;

import javax.sql.DataSource;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The one way application code reaches tenant data.
 *
 * <p>Each call runs in a transaction whose first statement is {@code set_config('app.tenant_id', ?, true)}.
 * The row-level security policies on every tenant table compare {@code tenant_id} with that setting, so the
 * database itself, not the caller's SQL, keeps tenants apart. The setting is transaction-local: PostgreSQL
 * clears it at commit or rollback, so a pooled connection never carries a tenant to its next borrower.
 *
 * <p>A nested call joins the surrounding transaction; it must name the same tenant, or it fails. The one exception
 * is {@link #inOneTransactionAcrossTenants}, for batch writers that store rows of several tenants at once.
 */
public final class TenantDatabase {

    /** Set while {@link #inOneTransactionAcrossTenants} runs on this thread: {@link #inTenant} may switch tenants. */
    private static final ThreadLocal<Boolean> ACROSS_TENANTS = new ThreadLocal<>();

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

    /**
     * Runs {@code work} in one transaction in which every {@link #inTenant} call switches the transaction to its own
     * tenant: the rows of several tenants written with one commit (the stream pipeline's batches). Row-level
     * security still checks every statement against the tenant of the {@code inTenant} call that runs it; work
     * outside such a call sees no tenant before the first one. Not allowed inside another transaction, whose
     * tenant it would change.
     */
    public void inOneTransactionAcrossTenants(Runnable work) {
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("a transaction across tenants cannot join a surrounding transaction");
        }
        transactions.executeWithoutResult(status -> {
            ACROSS_TENANTS.set(Boolean.TRUE);
            try {
                work.run();
            } finally {
                ACROSS_TENANTS.remove();
            }
        });
    }

    private void bind(TenantId tenant) {
        String tenantId = tenant.toString();
        if (ACROSS_TENANTS.get() != null) {
            jdbc.sql("select set_config('app.tenant_id', ?, true)").param(tenantId).query(String.class).single();
            return;
        }
        // one round trip: bind unless the transaction is bound to another tenant already
        List<String> bound = jdbc.sql("""
                select case when coalesce(current_setting('app.tenant_id', true), '') in ('', ?)
                    then set_config('app.tenant_id', ?, true) end""")
                .param(tenantId).param(tenantId).query((row, index) -> row.getString(1)).list();
        if (bound.get(0) == null) {
            throw new IllegalStateException(
                    "transaction is already bound to another tenant; refusing to switch to " + tenant);
        }
    }
}
