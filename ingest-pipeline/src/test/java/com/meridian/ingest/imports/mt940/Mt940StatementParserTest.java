package com.meridian.ingest.imports.mt940;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import com.meridian.ingest.imports.StatementEntry;
import com.meridian.ingest.jobs.RejectedEntryException;

class Mt940StatementParserTest {

    private static final String GERMAN = """
            {1:F01BANKDEFFXXXX0000000000}{2:I940BANKDEFFXXXXN}{4:
            :20:STARTUMSE
            :25:10020030/1234567
            :28C:00001/001
            :60F:C261230EUR1000,00
            :61:2612310102DR12,50NDDTNONREF//BANKREF1
            :86:105?00LASTSCHRIFT?20EREF+123 SVWZ+Strom Dezem?21ber 2026?30DEUTDEFF?31DE02100100100006820101
            ?32Stadtwerke Musterstadt
            :61:2612311231CR2,NTRFNONREF
            :86:Gutschrift ohne Struktur
            :62F:C261231EUR989,50
            -}
            """;

    @Test
    void readsGermanStructuredNarrativesAndTheYearAcrossNewYear() throws IOException {
        // given
        Mt940StatementParser parser = new Mt940StatementParser(new StringReader(GERMAN), "");

        // when
        StatementEntry debit = parser.next();
        StatementEntry credit = parser.next();

        // then
        assertThat(debit.amount()).isEqualByComparingTo("-12.50");
        assertThat(debit.currency()).isEqualTo("EUR");
        assertThat(debit.valueDate()).isEqualTo(LocalDate.of(2026, 12, 31));
        assertThat(debit.bookingDate()).isEqualTo(LocalDate.of(2027, 1, 2));
        assertThat(debit.sourceId()).isEqualTo("BANKREF1");
        assertThat(debit.counterpartyName()).isEqualTo("Stadtwerke Musterstadt");
        assertThat(debit.counterpartyAccount()).isEqualTo("DE02100100100006820101");
        assertThat(debit.description()).isEqualTo("EREF+123 SVWZ+Strom Dezember 2026");
        assertThat(debit.bankTransactionCode()).isEqualTo("105");
        assertThat(debit.accountIdentifier()).isEqualTo("10020030/1234567");
        assertThat(credit.amount()).isEqualByComparingTo("2");
        assertThat(credit.description()).isEqualTo("Gutschrift ohne Struktur");
        assertThat(parser.next()).isNull();
    }

    @Test
    void readsDutchTagsAndRejectsImpossibleDates() throws IOException {
        // given
        String dutch = """
                :20:ABN
                :25:NL12ABNA0123456789
                :60F:C260101EUR0,00
                :61:260230C5,00NTRFNONREF
                :86:x
                :61:260102D7,25NTRFNONREF
                :86:/TRTP/SEPA OVERBOEKING/IBAN/NL91ABNA0417164300/BIC/ABNANL2A/NAME/J. Jansen/REMI/Huur januari/EREF/NOTPROVIDED
                """;
        Mt940StatementParser parser = new Mt940StatementParser(new StringReader(dutch), "");

        // then
        assertThatThrownBy(parser::next).isInstanceOfSatisfying(RejectedEntryException.class,
                e -> assertThat(e.reasonCode()).isEqualTo("DATE_INVALID"));
        StatementEntry entry = parser.next();
        assertThat(entry.amount()).isEqualByComparingTo("-7.25");
        assertThat(entry.counterpartyName()).isEqualTo("J. Jansen");
        assertThat(entry.counterpartyAccount()).isEqualTo("NL91ABNA0417164300");
        assertThat(entry.description()).isEqualTo("Huur januari");
    }
}
