package com.meridian.localstack;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real PostgreSQL server on 127.0.0.1 and a free port, with its data in a fresh temp directory, ready to
 * accept connections when {@link #start()} returns. The superuser {@code postgres} logs in without a
 * password (trust authentication): this is a throw-away server.
 *
 * <p>It runs the machine's own binaries ({@code $PG_BIN}, the highest {@code /usr/lib/postgresql/<v>/bin},
 * or {@code initdb} on the PATH; as root, installed with apt-get if missing), falling back to zonky's
 * embedded binaries. {@link #close()} stops it and deletes its files; a shutdown hook does so at JVM exit if
 * nobody closed it, and a detached watchdog does so if the JVM is killed.
 */
public final class LocalPostgres implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LocalPostgres.class);
    private static final String HOST = "127.0.0.1";

    private final PostgresServer server;
    private final SafetyNet safetyNet;
    private final AtomicBoolean closed = new AtomicBoolean();

    private LocalPostgres(PostgresServer server) {
        this.server = server;
        this.safetyNet = SafetyNet.arm("PostgreSQL on port " + server.port(), this::close);
    }

    /** Starts a new server; blocks until it accepts connections. */
    public static LocalPostgres start() {
        long started = System.nanoTime();
        PostgresServer server = PostgresBinaries.findOrInstall()
                .<PostgresServer>map(SystemPostgres::start)
                .orElseGet(EmbeddedPostgresFallback::start);
        return ready(server, started);
    }

    /** Starts the zonky fallback even if the machine has server binaries, to test it. */
    static LocalPostgres startEmbedded() {
        long started = System.nanoTime();
        return ready(EmbeddedPostgresFallback.start(), started);
    }

    private static LocalPostgres ready(PostgresServer server, long started) {
        log.info("PostgreSQL ready on {}:{} in {} ms ({})", HOST, server.port(),
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started), server.description());
        return new LocalPostgres(server);
    }

    public String host() {
        return HOST;
    }

    public int port() {
        return server.port();
    }

    /** {@code jdbc:postgresql://127.0.0.1:<port>/<database>}. */
    public String jdbcUrl(String database) {
        return "jdbc:postgresql://" + HOST + ":" + port() + "/" + database;
    }

    /** The superuser, {@code postgres}; it needs no password. */
    public String superuser() {
        return "postgres";
    }

    long postmasterPid() {
        return server.postmasterPid();
    }

    /** Stops the server (fast shutdown) and deletes its files. Calling it again does nothing. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            safetyNet.disarm();
            server.close();
        }
    }
}
