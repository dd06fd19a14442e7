package com.meridian.ingest.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class StatementFormatTest {

    @Test
    void aFileOfBai2RecordsIsBai2EvenWhenItsFirstRecordIsNotAFileHeader() {
        assertThat(detect("00,0004,1/2/345,06/0321,0829,001,80,1,2/\n")).isEqualTo(StatementFormat.BAI2);
        assertThat(detect("01,122099999,123456789,040621,0200,1,65,,2/\n")).isEqualTo(StatementFormat.BAI2);
    }

    @Test
    void aCsvWhoseFirstRowStartsWithDigitsStaysCsv() {
        assertThat(detect("12,2026-01-02,Coffee,-3.50\n13,2026-01-03,Tea,-2.00\n")).isEqualTo(StatementFormat.CSV);
    }

    private static StatementFormat detect(String text) {
        return StatementFormat.detect(text.getBytes(StandardCharsets.US_ASCII), text);
    }
}
