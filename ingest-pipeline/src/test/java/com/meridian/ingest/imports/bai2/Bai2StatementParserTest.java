package com.meridian.ingest.imports.bai2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.meridian.ingest.imports.StatementEntry;
import com.meridian.ingest.imports.UnreadableStatementException;

class Bai2StatementParserTest {

    /**
     * Two accounts in one group: summaries with S and D availability continued on 88 records, a credit and a debit
     * detail. Account 1: 4350000 + 2830000 + 1020000 + 450000 + 120000 = 8770000 in 5 records (03, 88, 16, 16, 49);
     * account 2: -500000 + 70000000 + 70000000 = 139500000 in 3 records.
     */
    private static final String BALANCED = """
            01,122099999,123456789,040621,0200,1,65,,2/
            02,031001234,122099999,1,040620,2359,USD,2/
            03,0123456789,,010,+4350000,,,040,2830000,,/
            88,072,1020000,,,,
            16,115,450000,S,100000,200000,150000,BANKREF1,,LOCK BOX/
            16,475,120000,,BANKREF2,,CHECK PAID/
            49,8770000,5/
            03,0975312468,,010,-500000,,,190,70000000,4,0,110/
            88,70000000,15,D,3,0,20000000,1,30000000,3,20000000/
            49,139500000,3/
            98,148270000,2,10/
            99,148270000,1,12/
            """;

    @Test
    void readsEntriesWhenEveryTrailerAddsUp() throws IOException {
        // when
        List<StatementEntry> entries = readAll(BALANCED);

        // then
        assertThat(entries).extracting(StatementEntry::amount).usingElementComparator(BigDecimal::compareTo)
                .containsExactly(new BigDecimal("4500.00"), new BigDecimal("-1200.00"));
    }

    @Test
    void rejectsTheFileWhenAnAccountTrailerDisagreesNamingLineAndTotals() {
        // given
        String altered = BALANCED.replace("16,475,120000,", "16,475,120001,");

        // when / then
        assertThatThrownBy(() -> readAll(altered)).isInstanceOfSatisfying(UnreadableStatementException.class, e -> {
            assertThat(e.reasonCode()).isEqualTo("BAI2_CONTROL_TOTAL");
            assertThat(e.getMessage()).isEqualTo("line 7, record 6 (49, account 0123456789): control total expected "
                    + "8770000 (stated), found 8770001 (sum of the account's 03 and 16 amounts)");
        });
    }

    @Test
    void rejectsTheFileWhenAGroupTrailerMiscountsAccountsOrRecords() {
        // given
        String altered = BALANCED.replace("98,148270000,2,10/", "98,148270000,3,11/");

        // when / then
        assertThatThrownBy(() -> readAll(altered)).isInstanceOfSatisfying(UnreadableStatementException.class, e -> {
            assertThat(e.reasonCode()).isEqualTo("BAI2_CONTROL_TOTAL");
            assertThat(e.getMessage()).isEqualTo("line 11, record 9 (98): number of accounts expected 3, found 2; "
                    + "number of records expected 11, found 10");
        });
    }

    @Test
    void rejectsTheFileWhenTheFileTrailerTotalDisagrees() {
        // given
        String altered = BALANCED.replace("99,148270000,1,12/", "99,148270001,1,12/");

        // when / then
        assertThatThrownBy(() -> readAll(altered)).isInstanceOf(UnreadableStatementException.class)
                .hasMessage("line 12, record 10 (99): control total expected 148270001 (stated), found 148270000 "
                        + "(sum of the file's 03 and 16 amounts)");
    }

    @Test
    void countsRecordsOfBlockedFilesAndReadsABlankTotalOfAnAccountWithoutAmountsAsZero() throws IOException {
        // given: several records on one physical line, and trailers that leave the total blank
        String blocked = """
                01,1111,testcompany,210101,0101,010101010101,,,2/   02,testcompany,1111,1,210101,2359,,2/
                03,12345,/ 49,,2/ 03,54321,/ 49,,2/
                98,,2,6/ 99,0,1,8/
                """;

        // when / then
        assertThat(readAll(blocked)).isEmpty();
    }

    @Test
    void aLineWrappedInsideARecordIsPartOfItsTextAndNotARecordOfItsOwn() throws IOException {
        // given: the 16 record goes on on a line without a record code; the 49 counts 03, 16, 88 and itself
        String wrapped = """
                01,103100195,103100195,220919,2112,4,,,2/
                02,103100195,103100195,1,220919,2400,USD,2/
                03,1111111,,010,-3500,,/
                16,142,2500,Z,,,111111     ACH_SETL
                111111111111111        /
                88,       1111111111/
                49,-1000,4/
                98,-1000,1,6/
                99,-1000,1,8/
                """;

        // when
        List<StatementEntry> entries = readAll(wrapped);

        // then
        assertThat(entries).singleElement().satisfies(entry -> {
            assertThat(entry.amount()).isEqualByComparingTo("25.00");
            assertThat(entry.description()).isEqualTo("111111 ACH_SETL 111111111111111 1111111111");
        });
    }

    @Test
    void aBlankTotalOfAnAccountWithAmountsIsAMismatch() {
        // given
        String blank = BALANCED.replace("49,139500000,3/", "49,,3/");

        // when / then
        assertThatThrownBy(() -> readAll(blank)).isInstanceOf(UnreadableStatementException.class)
                .hasMessageContaining("control total expected 0 (blank, read as 0), found 139500000");
    }

    @Test
    void rejectsAFileThatDoesNotStartWithItsHeaderOrLacksItsFileTrailer() {
        assertThatThrownBy(() -> readAll("00,0004,1/2/345,06/0321,0829,001,80,1,2/\n"))
                .isInstanceOfSatisfying(UnreadableStatementException.class, e -> {
                    assertThat(e.reasonCode()).isEqualTo("BAI2_INVALID");
                    assertThat(e.getMessage()).isEqualTo(
                            "line 1, record 1: record code '00' where a BAI2 file starts with its 01 file header");
                });
        assertThatThrownBy(() -> readAll(BALANCED.replace("99,148270000,1,12/\n", "")))
                .isInstanceOf(UnreadableStatementException.class)
                .hasMessage("the file ends after line 11 without its 99 file trailer: it is incomplete");
    }

    @Test
    void readsTheAmountsOfSummariesWhateverTheirAvailability() {
        // given
        String[] fields = "03,1,USD,,,,,010,-5,,,040,7,2,S,1,2,3,045,11,,V,040620,1200,110,13,4,D,2,0,5,1,8,400,17,0,"
                .split(",", -1);

        // when / then
        assertThat(Bai2StatementParser.summaries(fields)).containsExactly("-5", "7", "11", "13", "17");
    }

    private static List<StatementEntry> readAll(String text) throws IOException {
        List<StatementEntry> entries = new ArrayList<>();
        try (Bai2StatementParser parser = new Bai2StatementParser(new StringReader(text), "")) {
            for (StatementEntry entry = parser.next(); entry != null; entry = parser.next()) {
                entries.add(entry);
            }
        }
        return entries;
    }
}
