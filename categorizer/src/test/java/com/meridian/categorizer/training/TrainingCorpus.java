package com.meridian.categorizer.training;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where tests find the labelled corpus: {@code -Dmeridian.corpus=DIR}, else the shared corpus next to the repo. */
final class TrainingCorpus {

    private TrainingCorpus() {
    }

    static Path dir() {
        Path dir = Path.of(System.getProperty("meridian.corpus",
                "../../shared/corpus/categorization/S-FK-transaction_categorization"));
        if (!Files.isRegularFile(dir.resolve("train.csv"))) {
            throw new IllegalStateException("labelled corpus not found at " + dir.toAbsolutePath()
                    + "; set -Dmeridian.corpus");
        }
        return dir;
    }
}
