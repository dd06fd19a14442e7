package com.meridian.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the machine's PostgreSQL server binaries: {@code $PG_BIN}, else the highest
 * {@code /usr/lib/postgresql/<version>/bin}, else {@code initdb} on the PATH. As root on a Debian-like machine
 * with none of these, installs the {@code postgresql} package first.
 */
final class PostgresBinaries {

    private static final Logger log = LoggerFactory.getLogger(PostgresBinaries.class);
    private static final Path DEBIAN_INSTALLS = Path.of("/usr/lib/postgresql");
    private static final Duration INSTALL_TIMEOUT = Duration.ofMinutes(10);

    private PostgresBinaries() {
    }

    /** The directory holding {@code initdb} and {@code pg_ctl}, installing them if that is possible. */
    static synchronized Optional<Path> findOrInstall() {
        Optional<Path> found = find();
        if (found.isEmpty() && canInstall()) {
            install();
            return find();
        }
        return found;
    }

    static Optional<Path> find() {
        String pgBin = System.getenv("PG_BIN");
        if (pgBin != null && !pgBin.isBlank()) {
            return Optional.of(explicit(Path.of(pgBin)));
        }
        return highest(debianInstalls()).or(PostgresBinaries::onPath);
    }

    /** The bin directory of the highest version, comparing versions as numbers ("9.6" is below "15"). */
    static Optional<Path> highest(List<Path> binDirs) {
        return binDirs.stream()
                .filter(bin -> version(bin).isPresent())
                .max(Comparator.comparing(bin -> version(bin).orElseThrow(), Arrays::compare));
    }

    private static Path explicit(Path bin) {
        if (!Files.isExecutable(bin.resolve("initdb"))) {
            throw new IllegalStateException("PG_BIN=" + bin + " holds no executable initdb");
        }
        return bin;
    }

    private static List<Path> debianInstalls() {
        if (!Files.isDirectory(DEBIAN_INSTALLS)) {
            return List.of();
        }
        try (Stream<Path> versions = Files.list(DEBIAN_INSTALLS)) {
            return versions.map(version -> version.resolve("bin"))
                    .filter(bin -> Files.isExecutable(bin.resolve("initdb")))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Optional<Path> onPath() {
        return Os.onPath("initdb").map(PostgresBinaries::realParent);
    }

    private static Path realParent(Path executable) {
        try {
            return executable.toRealPath().getParent();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Optional<int[]> version(Path bin) {
        String name = bin.getParent().getFileName().toString();
        if (!name.matches("\\d+(\\.\\d+)*")) {
            return Optional.empty();
        }
        return Optional.of(Stream.of(name.split("\\.")).mapToInt(Integer::parseInt).toArray());
    }

    private static boolean canInstall() {
        return Os.isRoot() && Os.onPath("apt-get").isPresent();
    }

    private static void install() {
        log.warn("No PostgreSQL server binaries found: installing them with apt-get (once per machine)");
        Commands.run(null, INSTALL_TIMEOUT, List.of("apt-get", "update"));
        // waits for a concurrent apt/dpkg run (another build on this machine) instead of failing on its lock
        Commands.run(null, INSTALL_TIMEOUT, List.of("env", "DEBIAN_FRONTEND=noninteractive",
                "apt-get", "-o", "DPkg::Lock::Timeout=300", "install", "-y", "postgresql"));
        log.info("Installed the Debian postgresql package");
    }
}
