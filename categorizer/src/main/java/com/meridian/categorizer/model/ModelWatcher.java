package com.meridian.categorizer.model;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Replaces the model at run time when the model file at a {@code file:} location changes: deploy a new model by
 * writing its {@code .bin} first and its {@code .json} last (the metadata names the weights' digest, so a
 * half-copied pair is refused and the running model stays until the next check).
 */
public final class ModelWatcher implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ModelWatcher.class);

    private final ModelRegistry registry;
    private final String location;
    private final Path metadataFile;
    private final ScheduledExecutorService scheduler;
    private FileTime seen;

    public ModelWatcher(ModelRegistry registry, String location, Duration interval) {
        if (!location.startsWith("file:")) {
            throw new IllegalArgumentException("only a file: model location can be watched: " + location);
        }
        this.registry = registry;
        this.location = location;
        this.metadataFile = Path.of(location.substring("file:".length()));
        this.seen = modified();
        this.scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "categorizer-model-watcher");
            thread.setDaemon(true);
            return thread;
        });
        scheduler.scheduleWithFixedDelay(this::check, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Loads the model again if its metadata file changed since the last load; true if it was replaced. */
    public synchronized boolean check() {
        FileTime now = modified();
        if (now == null || now.equals(seen)) {
            return false;
        }
        try {
            registry.replace(location);
            seen = now;
            return true;
        } catch (RuntimeException e) {
            log.warn("model at {} changed but cannot be loaded; keeping {}: {}", location,
                    registry.current().version(), e.getMessage());
            return false;
        }
    }

    private FileTime modified() {
        try {
            return Files.getLastModifiedTime(metadataFile);
        } catch (IOException e) {
            return null;
        }
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
