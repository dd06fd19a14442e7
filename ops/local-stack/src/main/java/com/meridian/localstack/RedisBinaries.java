package com.meridian.localstack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Finds the machine's {@code redis-server}: on the PATH, else in {@code /usr/bin} or {@code /usr/local/bin}
 * (where Debian's {@code redis-server} package and a source build put it). The system property
 * {@value #FORCE_EMBEDDED_PROPERTY}{@code =embedded} ignores it, to test the embedded fallback on a machine that
 * has one.
 */
final class RedisBinaries {

    static final String FORCE_EMBEDDED_PROPERTY = "meridian.local-stack.redis";
    private static final String EXECUTABLE = "redis-server";

    private RedisBinaries() {
    }

    static Optional<Path> find() {
        if ("embedded".equals(System.getProperty(FORCE_EMBEDDED_PROPERTY))) {
            return Optional.empty();
        }
        return Os.onPath(EXECUTABLE).or(() -> Stream.of(Path.of("/usr/bin"), Path.of("/usr/local/bin"))
                .map(dir -> dir.resolve(EXECUTABLE))
                .filter(Files::isExecutable)
                .findFirst());
    }
}
