package com.meridian.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CommandsTest {

    @Test
    void shellQuotingKeepsAPathOneWordEvenWithQuotesAndSpaces() {
        assertThat(Commands.shellQuote("/tmp/meridian-pg-1")).isEqualTo("'/tmp/meridian-pg-1'");
        assertThat(Commands.shellQuote("/tmp/it's here")).isEqualTo("'/tmp/it'\\''s here'");
    }
}
