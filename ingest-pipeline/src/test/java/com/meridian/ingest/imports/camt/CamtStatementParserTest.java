package com.meridian.ingest.imports.camt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import com.meridian.ingest.imports.StatementEntry;
import com.meridian.ingest.imports.UnreadableStatementException;
import com.meridian.ingest.jobs.RejectedEntryException;

class CamtStatementParserTest {

    private static final String V08 = """
            <?xml version="1.0" encoding="UTF-8"?>
            <Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.08">
              <BkToCstmrStmt><Stmt>
                <Acct><Id><IBAN>DE89370400440532013000</IBAN></Id><Ccy>EUR</Ccy></Acct>
                <Ntry>
                  <Amt Ccy="EUR">12.30</Amt><CdtDbtInd>DBIT</CdtDbtInd><Sts><Cd>BOOK</Cd></Sts>
                  <BookgDt><DtTm>2026-11-02T23:30:00+01:00</DtTm></BookgDt><ValDt><Dt>2026-11-03</Dt></ValDt>
                  <AcctSvcrRef>REF-1</AcctSvcrRef>
                  <BkTxCd><Domn><Cd>PMNT</Cd><Fmly><Cd>CCRD</Cd><SubFmlyCd>POSD</SubFmlyCd></Fmly></Domn></BkTxCd>
                  <NtryDtls><TxDtls>
                    <RltdPties><Cdtr><Pty><Nm>Cafe Kranzler</Nm></Pty></Cdtr></RltdPties>
                    <RmtInf><Ustrd>Coffee and cake</Ustrd></RmtInf>
                  </TxDtls></NtryDtls>
                </Ntry>
                <Ntry>
                  <Amt Ccy="EUR">100</Amt><CdtDbtInd>CRDT</CdtDbtInd><RvslInd>true</RvslInd><Sts><Cd>PDNG</Cd></Sts>
                  <BookgDt><Dt>2026-11-04</Dt></BookgDt><AcctSvcrRef>NONREF</AcctSvcrRef>
                </Ntry>
                <Ntry><Amt Ccy="EUR">1</Amt><CdtDbtInd>XXX</CdtDbtInd><BookgDt><Dt>2026-11-04</Dt></BookgDt></Ntry>
              </Stmt></BkToCstmrStmt>
            </Document>
            """;

    @Test
    void readsEntriesWithTheirSignDatesPartiesAndBankCode() throws IOException {
        // given
        CamtStatementParser parser = parser(V08);

        // when
        StatementEntry card = parser.next();
        StatementEntry reversal = parser.next();

        // then
        assertThat(card.amount()).isEqualByComparingTo("-12.30");
        assertThat(card.bookingDate()).isEqualTo(LocalDate.of(2026, 11, 2));
        assertThat(card.valueDate()).isEqualTo(LocalDate.of(2026, 11, 3));
        assertThat(card.sourceId()).isEqualTo("REF-1");
        assertThat(card.counterpartyName()).isEqualTo("Cafe Kranzler");
        assertThat(card.description()).isEqualTo("Coffee and cake");
        assertThat(card.bankTransactionCode()).isEqualTo("PMNT/CCRD/POSD");
        assertThat(card.accountIdentifier()).isEqualTo("DE89370400440532013000");
        assertThat(card.entryRef()).isEqualTo("Stmt 1 / Ntry 1");
        assertThat(reversal.amount()).isEqualByComparingTo("100");
        assertThat(reversal.sourceId()).isNull();
        assertThat(reversal.pending()).isTrue();
    }

    @Test
    void aBrokenEntryIsRejectedAndTheDocumentReadsOn() throws IOException {
        CamtStatementParser parser = parser(V08);
        parser.next();
        parser.next();

        assertThatThrownBy(parser::next).isInstanceOfSatisfying(RejectedEntryException.class,
                e -> assertThat(e.entryRef()).isEqualTo("Stmt 1 / Ntry 3"));
        assertThat(parser.next()).isNull();
    }

    @Test
    void theVersionComesFromTheNamespace() {
        assertThat(CamtStatementParser.version("urn:iso:std:iso:20022:tech:xsd:camt.054.001.10")).isEqualTo("054.10");
        assertThatThrownBy(() -> parser(V08.replace("camt.053.001.08", "camt.053.001.01")).next())
                .isInstanceOf(UnreadableStatementException.class).hasMessageContaining("camt.053.001.01");
    }

    @Test
    void truncatedXmlIsUnreadable() {
        assertThatThrownBy(() -> {
            CamtStatementParser parser = parser(V08.substring(0, V08.indexOf("<RmtInf>")));
            parser.next();
        }).isInstanceOf(UnreadableStatementException.class);
    }

    private static CamtStatementParser parser(String xml) {
        return new CamtStatementParser(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)), "");
    }
}
