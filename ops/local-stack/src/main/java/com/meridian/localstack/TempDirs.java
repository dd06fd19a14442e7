package com.meridian.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.stream.Stream;

/** Throw-away directories for the servers' data. */
final class TempDirs {

    private TempDirs() {
    }

    /** A new directory under /tmp, readable by other users: a PostgreSQL run as another user must traverse it. */
    static Path create(String prefix) {
        try {
            return Files.createTempDirectory(Os.tmp(), prefix,
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temp directory", e);
        }
    }

    /**
     * A new directory under the build's {@code target/} when the working directory has one (a Maven module's
     * tests), so that whatever a killed run leaves behind goes with {@code mvn clean}; under /tmp otherwise.
     */
    static Path createUnderBuildDir(String prefix) {
        Path target = Path.of("target").toAbsolutePath();
        if (!Files.isDirectory(target)) {
            return create(prefix);
        }
        try {
            return Files.createTempDirectory(target, prefix);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temp directory in " + target, e);
        }
    }

    /** Deletes the directory and everything in it; a directory that is already gone is fine. */
    static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(TempDirs::delete);
        } catch (IOException | UncheckedIOException e) {
            throw new IllegalStateException("cannot delete " + dir, e);
        }
    }

    private static void delete(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
