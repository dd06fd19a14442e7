package com.meridian.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

import redis.embedded.core.ExecutableProvider;

/**
 * The {@code redis-server} bundled in codemonstur's embedded-redis (Redis 6.2 for Linux x86-64, arm64 and
 * macOS), for machines without one of their own. Only its binary is used: {@link RedisProcess} runs it exactly
 * as it runs the machine's, so both get the same readiness check, shutdown and orphan watchdog.
 */
final class EmbeddedRedisFallback {

    private EmbeddedRedisFallback() {
    }

    /** Unpacks the binary for this OS and architecture into {@code dir} and returns its path. */
    static Path extract(Path dir) {
        try {
            return ExecutableProvider.newJarResourceProvider(dir.toFile()).get().toPath();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot unpack the embedded redis-server into " + dir, e);
        }
    }
}
