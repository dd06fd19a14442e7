package com.meridian.localstack;

import java.time.Duration;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A JVM shutdown hook that closes a server whose owner did not.
 *
 * <p>Shutdown hooks run concurrently, so a Spring context may still be closing the beans that use the server
 * when this hook starts: stopping the server then would flood the log with reconnect warnings. The hook
 * therefore waits, up to 15 s, while a Spring shutdown hook is still running and the owner has not closed the
 * server; then it closes the server only if the owner still has not.
 */
final class SafetyNet {

    private static final Logger log = LoggerFactory.getLogger(SafetyNet.class);
    private static final Duration OWNER_GRACE = Duration.ofSeconds(15);
    private static final Set<String> SPRING_SHUTDOWN_HOOKS = Set.of(
            "SpringApplicationShutdownHook", "SpringContextShutdownHook");

    private final Thread hook;
    private volatile boolean disarmed;

    private SafetyNet(String server, Runnable close) {
        this.hook = new Thread(() -> closeAtShutdown(server, close), "meridian-local-stack-safety-net");
    }

    /** Arms a hook that closes {@code server} at JVM exit unless {@link #disarm()} is called first. */
    static SafetyNet arm(String server, Runnable close) {
        SafetyNet net = new SafetyNet(server, close);
        try {
            Runtime.getRuntime().addShutdownHook(net.hook);
        } catch (IllegalStateException shuttingDown) {
            net.disarmed = true; // the JVM is already exiting; the orphan watchdog will clean up
        }
        return net;
    }

    /** The owner is closing the server itself. */
    void disarm() {
        disarmed = true;
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // hooks cannot be removed once shutdown began; the flag is enough
        }
    }

    private void closeAtShutdown(String server, Runnable close) {
        long deadline = System.nanoTime() + OWNER_GRACE.toNanos();
        while (!disarmed && springIsClosingContexts() && System.nanoTime() < deadline) {
            sleep(50);
        }
        if (!disarmed) {
            log.debug("{} was not closed by its owner; closing it at JVM exit", server);
            close.run();
        }
    }

    private static boolean springIsClosingContexts() {
        return Thread.getAllStackTraces().keySet().stream()
                .anyMatch(thread -> SPRING_SHUTDOWN_HOOKS.contains(thread.getName()));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
