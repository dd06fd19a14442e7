package com.meridian.ingest.imports.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class TextDecodingTest {

    @Test
    void byteOrderMarksAndZeroBytesNameUnicode() {
        assertThat(detect(new byte[] {(byte) 0xef, (byte) 0xbb, (byte) 0xbf, 'a'}, null)).isEqualTo(StandardCharsets.UTF_8);
        assertThat(detect(new byte[] {(byte) 0xff, (byte) 0xfe, 'a', 0}, null)).isEqualTo(StandardCharsets.UTF_16LE);
        assertThat(detect("date".getBytes(StandardCharsets.UTF_16BE), null)).isEqualTo(StandardCharsets.UTF_16BE);
    }

    @Test
    void validUtf8IsUtf8EvenWhenTheSampleCutsACharacter() {
        byte[] text = "Müller;Straße".getBytes(StandardCharsets.UTF_8);
        assertThat(detect(text, null)).isEqualTo(StandardCharsets.UTF_8);
        assertThat(TextDecoding.detect(text, text.length - 1, null)).isEqualTo(StandardCharsets.UTF_8);
    }

    @Test
    void otherBytesAreTheProfilesCharsetOrWindows1252() {
        byte[] dos = "Müller".getBytes(Charset.forName("Cp850"));
        assertThat(detect(dos, "Cp850")).isEqualTo(Charset.forName("Cp850"));
        assertThat(detect("Müller".getBytes(Charset.forName("windows-1252")), null)).isEqualTo(Charset.forName("windows-1252"));
    }

    private static Charset detect(byte[] head, String profile) {
        return TextDecoding.detect(head, head.length, profile);
    }
}
