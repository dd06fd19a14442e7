package com.meridian.localstack;

import static com.meridian.localstack.Commands.shellQuote;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PostgreSQL server run from the machine's own binaries in a fresh temp directory. PostgreSQL refuses to
 * run as root, so as root every command runs as the {@code postgres} OS user (created if missing).
 */
final class SystemPostgres implements PostgresServer {

    private static final Logger log = LoggerFactory.getLogger(SystemPostgres.class);
    private static final String OS_USER = "postgres";
    private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(90);

    private final Path bin;
    private final Path dir;
    private final int port;
    private final List<String> runAs;
    private OrphanWatchdog watchdog;

    private SystemPostgres(Path bin, Path dir, int port, List<String> runAs) {
        this.bin = bin;
        this.dir = dir;
        this.port = port;
        this.runAs = runAs;
    }

    static SystemPostgres start(Path bin) {
        Path dir = TempDirs.create("meridian-pg-");
        try {
            return new SystemPostgres(bin, dir, FreePorts.take(1)[0], runAsFor(dir)).initAndStart();
        } catch (RuntimeException e) {
            TempDirs.deleteRecursively(dir);
            throw e;
        }
    }

    @Override
    public int port() {
        return port;
    }

    @Override
    public long postmasterPid() {
        try {
            // the first line of postmaster.pid is the postmaster's pid
            return Long.parseLong(Files.readAllLines(data().resolve("postmaster.pid")).get(0).trim());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String description() {
        return bin + ", data in " + dir;
    }

    @Override
    public void close() {
        try {
            pgCtl("-m", "fast", "-w", "-t", "15", "stop");
        } catch (RuntimeException e) {
            log.warn("Fast stop of PostgreSQL on port {} failed; stopping it immediately", port, e);
            stopQuietly("immediate");
        }
        watchdog.cancel();
        TempDirs.deleteRecursively(dir);
    }

    private SystemPostgres initAndStart() {
        try {
            initdb();
            startServer();
            return this;
        } catch (RuntimeException e) {
            stopQuietly("immediate");
            throw e;
        }
    }

    private void initdb() {
        run(bin.resolve("initdb").toString(), "-D", data().toString(), "-U", "postgres", "-A", "trust",
                "-E", "UTF8", "--locale=C", "--no-sync");
    }

    private void startServer() {
        pgCtl("-w", "-t", "60", "-l", dir.resolve("server.log").toString(), "-o", serverOptions(), "start");
        String stop = commandLine(pgCtlCommand("-m", "immediate", "stop"));
        watchdog = OrphanWatchdog.spawn(stop + " >/dev/null 2>&1; rm -rf " + shellQuote(dir));
    }

    /** Durability is traded for speed: the data is thrown away anyway. */
    private String serverOptions() {
        return "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1 -c fsync=off"
                + " -c synchronous_commit=off -c full_page_writes=off -c max_connections=200";
    }

    private void stopQuietly(String mode) {
        if (Files.exists(data().resolve("postmaster.pid"))) {
            try {
                pgCtl("-m", mode, "-w", "stop");
            } catch (RuntimeException e) {
                log.warn("Cannot stop PostgreSQL on port {}", port, e);
            }
        }
    }

    private void pgCtl(String... args) {
        run(pgCtlCommand(args));
    }

    private List<String> pgCtlCommand(String... args) {
        List<String> command = new ArrayList<>(List.of(bin.resolve("pg_ctl").toString(), "-D", data().toString()));
        command.addAll(List.of(args));
        return command;
    }

    private void run(String... command) {
        run(List.of(command));
    }

    /** Runs in the temp dir: the postgres user may not be allowed into this JVM's working directory. */
    private void run(List<String> command) {
        Commands.run(dir, COMMAND_TIMEOUT, withRunAs(command));
    }

    private List<String> withRunAs(List<String> command) {
        List<String> full = new ArrayList<>(runAs);
        full.addAll(command);
        return full;
    }

    private String commandLine(List<String> command) {
        return withRunAs(command).stream().map(Commands::shellQuote).collect(Collectors.joining(" "));
    }

    private Path data() {
        return dir.resolve("data");
    }

    private static List<String> runAsFor(Path dir) {
        if (!Os.isRoot()) {
            return List.of();
        }
        ensureOsUser();
        chown(dir);
        return List.of("runuser", "-u", OS_USER, "--");
    }

    private static synchronized void ensureOsUser() {
        if (!Commands.succeeds(List.of("id", "-u", OS_USER))) {
            log.info("Creating the system user '{}' to run PostgreSQL", OS_USER);
            Commands.run(null, COMMAND_TIMEOUT, List.of("useradd", "--system", OS_USER));
        }
    }

    private static void chown(Path dir) {
        try {
            UserPrincipal owner = dir.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName(OS_USER);
            Files.setOwner(dir, owner);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot hand " + dir + " to the " + OS_USER + " user", e);
        }
    }
}
