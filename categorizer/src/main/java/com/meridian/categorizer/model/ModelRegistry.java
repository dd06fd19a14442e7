package com.meridian.categorizer.model;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;

import tools.jackson.databind.json.JsonMapper;

/**
 * Holds the model in use and replaces it at run time without a restart.
 *
 * <p>Business rule: a model is swapped in whole or not at all. A replacement whose weights do not match its
 * metadata is refused and the running model stays; decisions in flight finish on the model they started with.
 * A location names the metadata JSON ({@code classpath:categorizer/model.json}, {@code file:/models/x.json});
 * the weights are the {@code .bin} next to it.
 */
public final class ModelRegistry {

    private static final Logger log = LoggerFactory.getLogger(ModelRegistry.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ResourceLoader resources = new DefaultResourceLoader();
    private final AtomicReference<CategoryModel> current = new AtomicReference<>();

    public ModelRegistry(String location) {
        replace(location);
    }

    public ModelRegistry(CategoryModel model) {
        current.set(Objects.requireNonNull(model, "model"));
    }

    public CategoryModel current() {
        return current.get();
    }

    /** Loads the model at {@code location} and makes it current; returns the model it replaced. */
    public CategoryModel replace(String location) {
        CategoryModel loaded = load(resources, location);
        CategoryModel previous = current.getAndSet(loaded);
        log.info("categorization model {} loaded from {} (replaces {})", loaded.version(), location,
                previous == null ? "nothing" : previous.version());
        return previous;
    }

    /** Reads a model without installing it. */
    public static CategoryModel load(ResourceLoader resources, String location) {
        if (!location.endsWith(".json")) {
            throw new IllegalArgumentException("a model location names its metadata .json: " + location);
        }
        Resource json = resources.getResource(location);
        Resource bin = resources.getResource(location.substring(0, location.length() - 5) + ".bin");
        try (InputStream meta = json.getInputStream(); InputStream weights = bin.getInputStream()) {
            return CategoryModel.of(JSON.readValue(meta, ModelMetadata.class), weights.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read model " + location, e);
        }
    }
}
