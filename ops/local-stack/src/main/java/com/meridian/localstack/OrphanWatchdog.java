package com.meridian.localstack;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.ProcessBuilder.Redirect;

/**
 * A detached shell that waits for this JVM to die, however it dies ({@code kill -9} included), and then runs
 * a clean-up script. It runs in its own session ({@code setsid}) so that a Ctrl-C or a signal sent to the
 * build's process group does not kill it before the JVM.
 */
final class OrphanWatchdog {

    private final Process shell;

    private OrphanWatchdog(Process shell) {
        this.shell = shell;
    }

    /** Starts a watchdog that runs {@code cleanupScript} with {@code sh} once this JVM is gone. */
    static OrphanWatchdog spawn(String cleanupScript) {
        long jvm = ProcessHandle.current().pid();
        // on cancel (SIGTERM), exit after the current sleep: sh then reaps it, leaving no orphaned sleep behind
        String script = "trap 'exit 0' TERM; while kill -0 " + jvm + " 2>/dev/null; do sleep 1; done; "
                + cleanupScript;
        try {
            return new OrphanWatchdog(new ProcessBuilder("setsid", "sh", "-c", script)
                    .redirectInput(new File("/dev/null"))
                    .redirectOutput(Redirect.DISCARD)
                    .redirectError(Redirect.DISCARD)
                    .start());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the orphan watchdog", e);
        }
    }

    /** The owner cleaned up itself: the watchdog has nothing left to do. */
    void cancel() {
        shell.destroy();
    }
}
