package com.meridian.categorizer.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelWatcherTest {

    @Test
    void aChangedModelFileReplacesTheModelAndABrokenOneIsRefused(@TempDir Path dir) throws IOException {
        copy("model.json", dir);
        copy("model.bin", dir);
        String location = "file:" + dir.resolve("model.json");
        ModelRegistry registry = new ModelRegistry(location);
        CategoryModel first = registry.current();
        try (ModelWatcher watcher = new ModelWatcher(registry, location, Duration.ofHours(1))) {
            assertThat(watcher.check()).isFalse();

            // a half-deployed model: metadata rewritten, weights damaged
            byte[] bin = Files.readAllBytes(dir.resolve("model.bin"));
            bin[bin.length - 1] ^= 1;
            Files.write(dir.resolve("model.bin"), bin);
            touch(dir.resolve("model.json"), 1);
            assertThat(watcher.check()).isFalse();
            assertThat(registry.current()).isSameAs(first);

            // the complete model arrives
            copy("model.bin", dir);
            touch(dir.resolve("model.json"), 2);
            assertThat(watcher.check()).isTrue();
            assertThat(registry.current()).isNotSameAs(first);
            assertThat(registry.current().version()).isEqualTo(first.version());
        }
    }

    private static void copy(String name, Path dir) throws IOException {
        try (InputStream in = ModelWatcherTest.class.getResourceAsStream("/categorizer/" + name)) {
            Files.write(dir.resolve(name), in.readAllBytes());
        }
    }

    private static void touch(Path file, int minutes) throws IOException {
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().plusSeconds(60L * minutes)));
    }
}
