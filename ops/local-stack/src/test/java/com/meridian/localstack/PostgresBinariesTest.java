package com.meridian.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

class PostgresBinariesTest {

    @Test
    void theHighestVersionWinsComparedAsNumbers() {
        List<Path> installs = List.of(bin("9.6"), bin("15"), bin("13"));

        assertThat(PostgresBinaries.highest(installs)).contains(bin("15"));
    }

    @Test
    void directoriesThatAreNotVersionsAreIgnored() {
        assertThat(PostgresBinaries.highest(List.of(bin("common"), bin("14")))).contains(bin("14"));
        assertThat(PostgresBinaries.highest(List.of(bin("common")))).isEmpty();
    }

    private static Path bin(String version) {
        return Path.of("/usr/lib/postgresql", version, "bin");
    }
}
