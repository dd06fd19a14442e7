package com.meridian.localstack;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs short-lived OS commands and fails with their output when they fail. */
final class Commands {

    private Commands() {
    }

    /** Runs the command in {@code workDir} and returns its output; throws if it fails or times out. */
    static String run(Path workDir, Duration timeout, List<String> command) {
        Result result = execute(workDir, timeout, command);
        if (result.exitCode() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " exited with " + result.exitCode()
                    + ":\n" + result.output());
        }
        return result.output();
    }

    /** Whether the command exits with 0. */
    static boolean succeeds(List<String> command) {
        return execute(null, Duration.ofSeconds(30), command).exitCode() == 0;
    }

    private static Result execute(Path workDir, Duration timeout, List<String> command) {
        try {
            // Output goes to a file, not a pipe: pg_ctl leaves a daemon behind that could hold a pipe open.
            Path output = Files.createTempFile("meridian-command-", ".log");
            try {
                return execute(workDir, timeout, command, output);
            } finally {
                Files.deleteIfExists(output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + String.join(" ", command), e);
        }
    }

    private static Result execute(Path workDir, Duration timeout, List<String> command, Path output)
            throws IOException {
        Process process = new ProcessBuilder(command)
                .directory(workDir == null ? null : workDir.toFile())
                .redirectInput(new File("/dev/null"))
                .redirectErrorStream(true)
                .redirectOutput(output.toFile())
                .start();
        if (!waitFor(process, timeout)) {
            process.destroyForcibly();
            throw new IllegalStateException(String.join(" ", command) + " did not finish within " + timeout);
        }
        return new Result(process.exitValue(), new String(Files.readAllBytes(output), UTF_8));
    }

    private static boolean waitFor(Process process, Duration timeout) {
        try {
            return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new IllegalStateException("interrupted while waiting for " + process.info().command(), e);
        }
    }

    /**
     * Stops a server this JVM started: SIGTERM, so it shuts down cleanly, then SIGKILL if it is still running after
     * {@code grace}; returns once it is gone (or the kill had five more seconds), {@code false} if it had to be killed.
     */
    static boolean terminate(Process process, Duration grace) {
        process.destroy();
        if (awaitExit(process, grace)) {
            return true;
        }
        process.destroyForcibly();
        awaitExit(process, Duration.ofSeconds(5));
        return false;
    }

    private static boolean awaitExit(Process process, Duration timeout) {
        try {
            return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Quotes a word for {@code sh}. */
    static String shellQuote(Object word) {
        return "'" + word.toString().replace("'", "'\\''") + "'";
    }

    private record Result(int exitCode, String output) {
    }
}
