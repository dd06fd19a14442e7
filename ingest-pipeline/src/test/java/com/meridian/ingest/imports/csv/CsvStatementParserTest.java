package com.meridian.ingest.imports.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.meridian.ingest.imports.StatementEntry;
import com.meridian.ingest.imports.UnreadableStatementException;
import com.meridian.ingest.jobs.RejectedEntryException;

class CsvStatementParserTest {

    private static final CsvProfile GERMAN_BANK = new CsvProfile("sparkasse", ';', "Cp850", 2, "Buchungstag",
            "Valuta", "dd.MM.yyyy", null, "Soll", "Haben", true, false, null, "EUR",
            List.of("Verwendungszweck"), "Beguenstigter", "IBAN", null, null);

    @Test
    void readsTheStandardLayoutWithSignedAmounts() throws IOException {
        // given
        String csv = """
                date,amount,currency,description,id,counterparty
                2026-11-02,-4.50,eur,Coffee,tx-1,Cafe Kranzler
                2026-11-03,1200.00,EUR,Salary,,ACME GmbH
                """;

        // when
        List<StatementEntry> entries = readAll(csv, CsvProfile.standard());

        // then
        assertThat(entries).hasSize(2);
        assertThat(entries.get(0).amount()).isEqualByComparingTo("-4.50");
        assertThat(entries.get(0).currency()).isEqualTo("EUR");
        assertThat(entries.get(0).sourceId()).isEqualTo("tx-1");
        assertThat(entries.get(0).entryRef()).isEqualTo("line 2");
        assertThat(entries.get(1).sourceId()).isNull();
        assertThat(entries.get(1).counterpartyName()).isEqualTo("ACME GmbH");
    }

    @Test
    void readsAProfileWithPreambleDecimalCommaAndDebitCreditColumns() throws IOException {
        // given
        String csv = """
                Kontoauszug;DE89370400440532013000
                Zeitraum;01.11.2026 - 30.11.2026
                Buchungstag;Valuta;Verwendungszweck;Beguenstigter;IBAN;Soll;Haben
                02.11.2026;03.11.2026;Miete November;Hausverwaltung;DE02120300000000202051;1.234,56;
                04.11.2026;04.11.2026;Gehalt;ACME;DE02120300000000202052;;2.500,00
                """;

        // when
        List<StatementEntry> entries = readAll(csv, GERMAN_BANK);

        // then
        assertThat(entries).extracting(StatementEntry::amount).map(Object::toString).containsExactly("-1234.56", "2500.00");
        assertThat(entries.get(0).bookingDate()).isEqualTo(LocalDate.of(2026, 11, 2));
        assertThat(entries.get(0).valueDate()).isEqualTo(LocalDate.of(2026, 11, 3));
        assertThat(entries.get(0).currency()).isEqualTo("EUR");
        assertThat(entries.get(0).entryRef()).isEqualTo("line 4");
    }

    @Test
    void invertsCardExportsThatShowSpendingAsPositive() throws IOException {
        CsvProfile card = new CsvProfile("card", ',', null, 0, "Date", null, "MM/dd/yyyy", "Amount", null, null, false,
                true, null, "USD", List.of("Description"), null, null, null, null);

        List<StatementEntry> entries = readAll("Date,Description,Amount\n11/02/2026,Coffee,4.50\n", card);

        assertThat(entries.get(0).amount()).isEqualByComparingTo("-4.50");
    }

    @Test
    void aBrokenRowIsRejectedWithItsLineAndTheNextRowStillReads() throws IOException {
        // given
        String csv = "date,amount,currency,description\n2026-11-02,abc,EUR,x\n2026-31-02,1,EUR,y\n2026-11-03,2,EUR,z\n";
        CsvStatementParser parser = new CsvStatementParser(new StringReader(csv), CsvProfile.standard(), "");

        // then
        assertThatThrownBy(parser::next).isInstanceOfSatisfying(RejectedEntryException.class, e -> {
            assertThat(e.entryRef()).isEqualTo("line 2");
            assertThat(e.reasonCode()).isEqualTo("AMOUNT_INVALID");
        });
        assertThatThrownBy(parser::next).isInstanceOfSatisfying(RejectedEntryException.class,
                e -> assertThat(e.reasonCode()).isEqualTo("DATE_INVALID"));
        assertThat(parser.next().description()).isEqualTo("z");
        assertThat(parser.next()).isNull();
    }

    @Test
    void aFileWithoutTheProfilesColumnsIsUnreadable() {
        assertThatThrownBy(() -> new CsvStatementParser(new StringReader("when,what\n"), CsvProfile.standard(), ""))
                .isInstanceOf(UnreadableStatementException.class).hasMessageContaining("'date'");
    }

    private static List<StatementEntry> readAll(String csv, CsvProfile profile) throws IOException {
        try (CsvStatementParser parser = new CsvStatementParser(new StringReader(csv), profile, "")) {
            java.util.ArrayList<StatementEntry> entries = new java.util.ArrayList<>();
            for (StatementEntry e = parser.next(); e != null; e = parser.next()) {
                entries.add(e);
            }
            return entries;
        }
    }
}
