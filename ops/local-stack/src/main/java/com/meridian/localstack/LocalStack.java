package com.meridian.localstack;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One {@link LocalPostgres} with the {@link MeridianDatabase} provisioned in it, one {@link LocalKafka}, and a
 * temp directory for Kafka Streams state: everything a Meridian app needs, ready when returned.
 *
 * <p>{@link #shared()} is the one stack of this JVM, started lazily on first use and shared by all tests in
 * the JVM; it is closed by whoever closes it (the JUnit extension, at the end of the run) or else at JVM exit.
 * {@link #start()} makes a stack of your own. {@link #close()} stops both servers and deletes every file.
 */
public final class LocalStack implements AutoCloseable {

    private static LocalStack shared;

    private final LocalPostgres postgres;
    private final MeridianDatabase database;
    private final LocalKafka kafka;
    private final Path stateDir;
    private final OrphanWatchdog stateDirWatchdog;
    private final SafetyNet safetyNet;
    private final AtomicBoolean closed = new AtomicBoolean();

    private LocalStack(LocalPostgres postgres, MeridianDatabase database, LocalKafka kafka) {
        this.postgres = postgres;
        this.database = database;
        this.kafka = kafka;
        this.stateDir = TempDirs.create("meridian-streams-");
        this.stateDirWatchdog = OrphanWatchdog.spawn("rm -rf " + Commands.shellQuote(stateDir));
        this.safetyNet = SafetyNet.arm("local stack", this::close);
    }

    /** The stack of this JVM: started (PostgreSQL and Kafka in parallel) on the first call, or after a close. */
    public static synchronized LocalStack shared() {
        if (shared == null || shared.closed.get()) {
            shared = start();
        }
        return shared;
    }

    /** A new stack owned by the caller, who must close it. PostgreSQL and Kafka start in parallel. */
    public static LocalStack start() {
        CompletableFuture<LocalKafka> kafka = CompletableFuture.supplyAsync(LocalKafka::start, newThread());
        LocalPostgres postgres = null;
        try {
            postgres = LocalPostgres.start();
            return new LocalStack(postgres, MeridianDatabase.provision(postgres), join(kafka));
        } catch (RuntimeException e) {
            kafka.thenAccept(LocalKafka::close); // also once a broker that is still starting is ready
            if (postgres != null) {
                postgres.close();
            }
            throw e;
        }
    }

    public LocalPostgres postgres() {
        return postgres;
    }

    public LocalKafka kafka() {
        return kafka;
    }

    public MeridianDatabase database() {
        return database;
    }

    /** A temp directory for Kafka Streams state ({@code spring.kafka.streams.state-dir}). */
    public Path stateDir() {
        return stateDir;
    }

    /**
     * Spring properties pointing an app at this stack: the datasource logs in as the application role,
     * Flyway as the owner role.
     */
    public Map<String, Object> springProperties() {
        return springProperties(database, kafka.bootstrapServers(), stateDir);
    }

    static Map<String, Object> springProperties(MeridianDatabase database, String bootstrapServers, Path stateDir) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("spring.datasource.url", database.jdbcUrl());
        properties.put("spring.datasource.username", database.appUser());
        properties.put("spring.datasource.password", database.appPassword());
        properties.put("spring.flyway.url", database.jdbcUrl());
        properties.put("spring.flyway.user", database.ownerUser());
        properties.put("spring.flyway.password", database.ownerPassword());
        properties.put("spring.kafka.bootstrap-servers", bootstrapServers);
        properties.put("spring.kafka.streams.state-dir", stateDir.toString());
        return Collections.unmodifiableMap(properties);
    }

    /** Stops the broker and PostgreSQL and deletes their files. Calling it again does nothing. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            safetyNet.disarm();
            try {
                kafka.close();
            } finally {
                postgres.close();
                stateDirWatchdog.cancel();
                TempDirs.deleteRecursively(stateDir);
            }
        }
    }

    /** The common pool has a single worker on a 2-core machine, and it may be busy: use a thread of our own. */
    private static Executor newThread() {
        return task -> {
            Thread thread = new Thread(task, "local-kafka-start");
            thread.setDaemon(true);
            thread.start();
        };
    }

    private static <T> T join(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }
}
