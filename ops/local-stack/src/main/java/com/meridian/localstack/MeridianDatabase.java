package com.meridian.localstack;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The Meridian database inside a {@link LocalPostgres}: roles and database created with the superuser.
 *
 * <p>{@code meridian_owner} (LOGIN, NOSUPERUSER) owns the database {@code meridian} and is the role that runs
 * migrations. {@code meridian_app} (LOGIN, NOSUPERUSER, NOBYPASSRLS, NOCREATEDB, NOCREATEROLE) owns nothing
 * and may only connect: it is the role the application runs as, so row-level security applies to it. PUBLIC
 * may not connect. The passwords are fixed constants: the server is a throw-away local one.
 *
 * @param jdbcUrl       {@code jdbc:postgresql://127.0.0.1:<port>/meridian}
 * @param ownerUser     {@code meridian_owner}
 * @param ownerPassword the owner's local password
 * @param appUser       {@code meridian_app}
 * @param appPassword   the application role's local password
 */
public record MeridianDatabase(String jdbcUrl, String ownerUser, String ownerPassword, String appUser,
        String appPassword) {

    private static final String DATABASE = "meridian";
    private static final String OWNER = "meridian_owner";
    private static final String OWNER_PASSWORD = "meridian_owner_local";
    private static final String APP = "meridian_app";
    private static final String APP_PASSWORD = "meridian_app_local";

    /** Creates (or brings back to the state above) the roles and the database. Safe to call again. */
    public static MeridianDatabase provision(LocalPostgres postgres) {
        try (Connection superuser = DriverManager.getConnection(postgres.jdbcUrl("postgres"), postgres.superuser(), "");
                Statement sql = superuser.createStatement()) {
            ensureRole(superuser, OWNER, "LOGIN NOSUPERUSER PASSWORD '" + OWNER_PASSWORD + "'");
            ensureRole(superuser, APP, "LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE PASSWORD '"
                    + APP_PASSWORD + "'");
            ensureDatabase(superuser);
            sql.execute("REVOKE ALL ON DATABASE " + DATABASE + " FROM PUBLIC");
            sql.execute("GRANT CONNECT ON DATABASE " + DATABASE + " TO " + APP);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot provision the Meridian database on port " + postgres.port(), e);
        }
        return new MeridianDatabase(postgres.jdbcUrl(DATABASE), OWNER, OWNER_PASSWORD, APP, APP_PASSWORD);
    }

    private static void ensureRole(Connection superuser, String role, String attributes) throws SQLException {
        String verb = exists(superuser, "SELECT 1 FROM pg_roles WHERE rolname = ?", role) ? "ALTER" : "CREATE";
        try (Statement sql = superuser.createStatement()) {
            sql.execute(verb + " ROLE " + role + " WITH " + attributes);
        }
    }

    private static void ensureDatabase(Connection superuser) throws SQLException {
        try (Statement sql = superuser.createStatement()) {
            if (exists(superuser, "SELECT 1 FROM pg_database WHERE datname = ?", DATABASE)) {
                sql.execute("ALTER DATABASE " + DATABASE + " OWNER TO " + OWNER);
            } else {
                sql.execute("CREATE DATABASE " + DATABASE + " OWNER " + OWNER);
            }
        }
    }

    private static boolean exists(Connection connection, String query, String name) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(query)) {
            statement.setString(1, name);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next();
            }
        }
    }
}
