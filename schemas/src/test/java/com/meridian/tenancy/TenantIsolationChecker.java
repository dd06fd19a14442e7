package com.meridian.tenancy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Probes every table that has a {@code tenant_id} column, as the application role, for the ways one tenant
 * could reach another's rows: read, update, delete, insert, and anything at all with no tenant set.
 * Ground truth comes from a superuser connection, which bypasses row-level security. Every probe is
 * rolled back, so the checker leaves the data as it found it.
 */
final class TenantIsolationChecker {

    /** One way in which a table failed to keep tenants apart. */
    record Violation(String table, String probe, String detail) {
        @Override
        public String toString() {
            return table + ": " + probe + " - " + detail;
        }
    }

    private static final String INSUFFICIENT_PRIVILEGE = "42501";

    private final Connection superuser;
    private final Connection app;
    private final List<Violation> violations = new ArrayList<>();

    TenantIsolationChecker(Connection superuser, Connection app) throws SQLException {
        this.superuser = superuser;
        this.app = app;
        app.setAutoCommit(false);
    }

    /** The tenant tables, read from the catalog so that a table added later is covered without a change here. */
    List<String> tenantTables() throws SQLException {
        return strings(superuser, """
                select c.relname from pg_class c
                join pg_namespace n on n.oid = c.relnamespace
                join pg_attribute a on a.attrelid = c.oid and a.attname = 'tenant_id' and not a.attisdropped
                where n.nspname = 'public' and c.relkind in ('r', 'p')
                order by c.relname""");
    }

    /** Every violation found with {@code own} set as the tenant, probing the rows of {@code other}. */
    List<Violation> check(TenantId own, TenantId other) throws SQLException {
        violations.clear();
        checkApplicationRole();
        for (String table : tenantTables()) {
            checkTable(table, own, other);
        }
        return List.copyOf(violations);
    }

    private void checkApplicationRole() throws SQLException {
        String role = string(app, "select current_user");
        String flags = string(superuser, "select rolsuper::text || ',' || rolbypassrls::text from pg_roles where rolname = '" + role + "'");
        if (!"false,false".equals(flags)) {
            violations.add(new Violation("-", "role", role + " is superuser or bypasses RLS: " + flags));
        }
        String owned = string(superuser, "select count(*) from pg_class where relowner = (select oid from pg_roles where rolname = '" + role + "')");
        if (!"0".equals(owned)) {
            violations.add(new Violation("-", "role", role + " owns " + owned + " relations"));
        }
    }

    private void checkTable(String table, TenantId own, TenantId other) throws SQLException {
        checkCatalog(table);
        long ownRows = count(superuser, table, own);
        long otherRows = count(superuser, table, other);
        if (ownRows == 0 || otherRows == 0) {
            violations.add(new Violation(table, "fixture", "needs rows of both tenants; add one to tenant-fixture.sql"));
            return;
        }
        String otherBefore = checksum(table, other);
        String ownBefore = checksum(table, own);
        checkReads(table, own, other, ownRows);
        checkWrites(table, own, other);
        checkWithoutTenant(table, own);
        if (!otherBefore.equals(checksum(table, other)) || !ownBefore.equals(checksum(table, own))) {
            violations.add(new Violation(table, "writes", "rows changed although every probe was rolled back or refused"));
        }
    }

    private void checkCatalog(String table) throws SQLException {
        String flags = string(superuser, "select relrowsecurity::text || ',' || relforcerowsecurity::text from pg_class "
                + "where oid = 'public." + table + "'::regclass");
        if (!"true,true".equals(flags)) {
            violations.add(new Violation(table, "catalog", "row-level security enabled,forced = " + flags));
        }
    }

    private void checkReads(String table, TenantId own, TenantId other, long ownRows) throws SQLException {
        asTenant(own);
        long visibleOther = queryLong(app, "select count(*) from " + table + " where tenant_id = ?", other);
        long visibleAll = queryLong(app, "select count(*) from " + table, null);
        app.rollback();
        if (visibleOther != 0) {
            violations.add(new Violation(table, "read", visibleOther + " rows of the other tenant visible"));
        }
        if (visibleAll != ownRows) {
            violations.add(new Violation(table, "read", "sees " + visibleAll + " rows, its own tenant has " + ownRows));
        }
    }

    private void checkWrites(String table, TenantId own, TenantId other) throws SQLException {
        expectNoEffect(table, "update", own, "update " + table + " set tenant_id = tenant_id where tenant_id = ?", other);
        expectNoEffect(table, "delete", own, "delete from " + table + " where tenant_id = ?", other);
        expectRefused(table, "move own row to other tenant", own,
                "update " + table + " set tenant_id = ? where tenant_id = '" + own + "'", other);
        expectRefused(table, "insert other tenant's row", own, insertCopyOf(table), rowAsJson(table, other));
    }

    private void checkWithoutTenant(String table, TenantId own) throws SQLException {
        long visible = queryLong(app, "select count(*) from " + table, null);
        app.rollback();
        if (visible != 0) {
            violations.add(new Violation(table, "no tenant", visible + " rows visible with no tenant set"));
        }
        expectRefused(table, "insert with no tenant", null, insertCopyOf(table), rowAsJson(table, own));
    }

    private void expectNoEffect(String table, String probe, TenantId own, String sql, Object param) throws SQLException {
        asTenant(own);
        try (PreparedStatement statement = app.prepareStatement(sql)) {
            bind(statement, param);
            int affected = statement.executeUpdate();
            if (affected != 0) {
                violations.add(new Violation(table, probe, affected + " rows of the other tenant affected"));
            }
        } catch (SQLException refused) {
            requireInsufficientPrivilege(table, probe, refused);
        } finally {
            app.rollback();
        }
    }

    private void expectRefused(String table, String probe, TenantId own, String sql, Object param) throws SQLException {
        if (own != null) {
            asTenant(own);
        }
        try (PreparedStatement statement = app.prepareStatement(sql)) {
            bind(statement, param);
            int affected = statement.executeUpdate();
            if (affected != 0) {
                violations.add(new Violation(table, probe, "accepted (" + affected + " rows)"));
            }
        } catch (SQLException refused) {
            requireInsufficientPrivilege(table, probe, refused);
        } finally {
            app.rollback();
        }
    }

    // A refusal must come from privileges or row-level security, not from a key conflict that happened to fire.
    private void requireInsufficientPrivilege(String table, String probe, SQLException refused) {
        if (!INSUFFICIENT_PRIVILEGE.equals(refused.getSQLState())) {
            violations.add(new Violation(table, probe, "refused for another reason: " + refused.getSQLState() + " " + refused.getMessage()));
        }
    }

    private static String insertCopyOf(String table) {
        return "insert into " + table + " select * from json_populate_record(null::" + table + ", ?::json)";
    }

    private String rowAsJson(String table, TenantId tenant) throws SQLException {
        try (PreparedStatement statement = superuser.prepareStatement(
                "select row_to_json(t)::text from " + table + " t where tenant_id = ? limit 1")) {
            statement.setObject(1, tenant.value());
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getString(1);
            }
        }
    }

    private String checksum(String table, TenantId tenant) throws SQLException {
        try (PreparedStatement statement = superuser.prepareStatement(
                "select coalesce(md5(string_agg(t::text, '|' order by t::text)), '') from " + table + " t where tenant_id = ?")) {
            statement.setObject(1, tenant.value());
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getString(1);
            }
        }
    }

    private void asTenant(TenantId tenant) throws SQLException {
        try (PreparedStatement statement = app.prepareStatement("select set_config('app.tenant_id', ?, true)")) {
            statement.setString(1, tenant.toString());
            statement.execute();
        }
    }

    private static long count(Connection connection, String table, TenantId tenant) throws SQLException {
        return queryLong(connection, "select count(*) from " + table + " where tenant_id = ?", tenant);
    }

    private static long queryLong(Connection connection, String sql, Object param) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            bind(statement, param);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    private static void bind(PreparedStatement statement, Object param) throws SQLException {
        if (param instanceof TenantId tenant) {
            statement.setObject(1, tenant.value());
        } else if (param != null) {
            statement.setString(1, param.toString());
        }
    }

    private static String string(Connection connection, String sql) throws SQLException {
        return strings(connection, sql).get(0);
    }

    private static List<String> strings(Connection connection, String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(sql); ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }
}
