package com.meridian.exports.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CsvCellsTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "=SUM(A1:A9)|'=SUM(A1:A9)",
            "+49 30 1234|'+49 30 1234",
            "-2+3|'-2+3",
            "@cmd|'@cmd",
            "＝HYPERLINK()|'＝HYPERLINK()"})
    void textThatASpreadsheetWouldRunIsPrefixedWithAnApostrophe(String text, String cell) {
        assertThat(CsvCells.text(text)).isEqualTo(cell);
    }

    @Test
    void rfc4180QuotesOnlyWhereNeededAndDoublesQuotes() {
        assertThat(CsvCells.text("plain text")).isEqualTo("plain text");
        assertThat(CsvCells.text("Müller, Söhne")).isEqualTo("\"Müller, Söhne\"");
        assertThat(CsvCells.text("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(CsvCells.text("line one\nline two")).isEqualTo("\"line one\nline two\"");
        assertThat(CsvCells.text("=1,2")).isEqualTo("\"'=1,2\"");
        assertThat(CsvCells.text("")).isEmpty();
    }

    @Test
    void tabAndCarriageReturnStartsAreNeutralisedToo() {
        assertThat(CsvCells.text("\t=1")).isEqualTo("'\t=1");
        assertThat(CsvCells.text("\r=1")).isEqualTo("\"'\r=1\"");
    }
}
