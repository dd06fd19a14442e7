package com.meridian.tenancy;

import static com.meridian.tenancy.MigratedDatabase.TENANT_A;
import static com.meridian.tenancy.MigratedDatabase.TENANT_B;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.Statement;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.meridian.tenancy.TenantIsolationChecker.Violation;

/**
 * Proves, as the application role, that row-level security keeps tenants apart in every table that has a
 * {@code tenant_id} column, and that the proof fails when a table loses its protection.
 */
class TenantIsolationIT {

    @Test
    void everyTenantTableIsIsolatedInBothDirections() throws Exception {
        MigratedDatabase database = MigratedDatabase.shared();
        try (Connection superuser = database.superuser(); Connection app = database.application()) {
            TenantIsolationChecker checker = new TenantIsolationChecker(superuser, app);

            assertThat(checker.tenantTables()).contains("tenants", "transactions", "api_keys", "audit_log", "usage_counters");
            assertThat(checker.check(TENANT_A, TENANT_B)).isEmpty();
            assertThat(checker.check(TENANT_B, TENANT_A)).isEmpty();
        }
    }

    @Test
    void theCheckFailsWhenATableLosesItsPolicy() throws Exception {
        MigratedDatabase damaged = MigratedDatabase.scratch("meridian_isolation_mutant");
        try (Connection owner = damaged.owner(); Statement sql = owner.createStatement()) {
            sql.execute("alter table bank_accounts disable row level security");
            sql.execute("drop policy tenant_isolation on invoices");
            sql.execute("alter table job_runs no force row level security");
            sql.execute("create policy leak on dead_letters using (true)");
        }

        try (Connection superuser = damaged.superuser(); Connection app = damaged.application()) {
            List<Violation> violations = new TenantIsolationChecker(superuser, app).check(TENANT_A, TENANT_B);

            assertThat(violations).extracting(Violation::table)
                    .contains("bank_accounts", "invoices", "job_runs", "dead_letters")
                    .doesNotContain("transactions", "tenants");
            assertThat(violations).anySatisfy(v -> assertThat(v.toString()).contains("bank_accounts: read", "rows of the other tenant visible"));
            assertThat(violations).anySatisfy(v -> assertThat(v.toString()).contains("invoices: read", "sees 0 rows"));
            assertThat(violations).anySatisfy(v -> assertThat(v.toString()).contains("dead_letters: read"));
        }
    }

    @Test
    void theAuditLogIsAppendOnlyAndHashChained() throws Exception {
        MigratedDatabase database = MigratedDatabase.shared();
        try (Connection app = database.application(); Statement sql = app.createStatement()) {
            app.setAutoCommit(false);
            sql.execute("select set_config('app.tenant_id', '" + TENANT_A + "', true)");
            sql.execute("insert into audit_log (tenant_id, actor_type, actor_id, action) values ('" + TENANT_A + "', 'user', 'u1', 'rule.created')");
            sql.execute("insert into audit_log (tenant_id, actor_type, actor_id, action) values ('" + TENANT_A + "', 'user', 'u1', 'rule.deleted')");
            try (var rows = sql.executeQuery("select count(*), max(seq), audit_log_first_broken_seq() is null from audit_log")) {
                rows.next();
                assertThat(rows.getLong(1)).isEqualTo(3);
                assertThat(rows.getLong(2)).isEqualTo(3);
                assertThat(rows.getBoolean(3)).as("chain intact").isTrue();
            }
            app.rollback();
        }
    }

    @Test
    void aTamperedAuditEntryIsDetected() throws Exception {
        MigratedDatabase damaged = MigratedDatabase.scratch("meridian_audit_mutant");
        try (Connection app = damaged.application(); Statement sql = app.createStatement()) {
            app.setAutoCommit(false);
            sql.execute("select set_config('app.tenant_id', '" + TENANT_A + "', true)");
            sql.execute("insert into audit_log (tenant_id, actor_type, action) values ('" + TENANT_A + "', 'user', 'key.created')");
            sql.execute("insert into audit_log (tenant_id, actor_type, action) values ('" + TENANT_A + "', 'user', 'key.revoked')");
            app.commit();
        }
        try (Connection superuser = damaged.superuser(); Statement sql = superuser.createStatement()) {
            // even the superuser has to switch off the append-only trigger to tamper
            sql.execute("alter table audit_log disable trigger audit_log_append_only");
            sql.execute("update audit_log set action = 'key.viewed' where tenant_id = '" + TENANT_A + "' and seq = 2");
        }
        try (Connection app = damaged.application(); Statement sql = app.createStatement()) {
            app.setAutoCommit(false);
            sql.execute("select set_config('app.tenant_id', '" + TENANT_A + "', true)");
            try (var rows = sql.executeQuery("select audit_log_first_broken_seq()")) {
                rows.next();
                assertThat(rows.getLong(1)).isEqualTo(2);
            }
        }
    }
}
