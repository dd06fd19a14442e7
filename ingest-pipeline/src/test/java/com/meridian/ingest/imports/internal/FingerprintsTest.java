package com.meridian.ingest.imports.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FingerprintsTest {

    /** Stored fingerprints were made with the regex; the loop that replaced it must give the same keys. */
    @ParameterizedTest
    @ValueSource(strings = {"  Card  payment\tSTARBUCKS \r\n 42 ", "REWE\u00a0SAGT  DANKE", "\u2003Ünïcödé  İstanbul\u2003",
            "a\u000Bb\fc", "", "   ", "single"})
    void normalisesAsTheRegexDid(String text) {
        StringBuilder normalised = new StringBuilder();
        Fingerprints.normalise(text, normalised);

        assertThat(normalised.toString()).isEqualTo(text.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT));
    }
}
