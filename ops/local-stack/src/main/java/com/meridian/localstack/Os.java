package com.meridian.localstack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;

import com.sun.security.auth.module.UnixSystem;

/** Facts about the machine this JVM runs on. */
final class Os {

    private Os() {
    }

    /** Whether this JVM runs as uid 0 (PostgreSQL refuses to run as root). */
    static boolean isRoot() {
        return new UnixSystem().getUid() == 0;
    }

    /** The first executable of this name on the PATH. */
    static Optional<Path> onPath(String executable) {
        String path = System.getenv().getOrDefault("PATH", "");
        return Stream.of(path.split(":"))
                .filter(dir -> !dir.isBlank())
                .map(dir -> Path.of(dir, executable))
                .filter(Files::isExecutable)
                .findFirst();
    }

    /** The system temp directory: short, so PostgreSQL's socket path stays under the 107-byte limit. */
    static Path tmp() {
        Path tmp = Path.of("/tmp");
        return Files.isDirectory(tmp) ? tmp : Path.of(System.getProperty("java.io.tmpdir"));
    }
}
