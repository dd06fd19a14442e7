package com.meridian.ingest.imports.ofx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;

import org.junit.jupiter.api.Test;

import com.meridian.ingest.imports.StatementEntry;
import com.meridian.ingest.imports.UnreadableStatementException;

class OfxStatementParserTest {

    @Test
    void rejectsAnInvestmentStatementInsteadOfReadingItsCashLegsAsBankEntries() {
        // given: a brokerage statement whose cash interest is a STMTTRN inside INVBANKTRAN
        String investment = """
                OFXHEADER:100
                DATA:OFXSGML

                <OFX><INVSTMTMSGSRSV1><INVSTMTTRNRS><INVSTMTRS><CURDEF>USD
                <INVACCTFROM><BROKERID>fidelity.com<ACCTID>01234567890</INVACCTFROM>
                <INVTRANLIST><INVBANKTRAN><STMTTRN><TRNTYPE>DEP<DTPOSTED>20120731<TRNAMT>+0.24<FITID>1
                </STMTTRN></INVBANKTRAN></INVTRANLIST></INVSTMTRS></INVSTMTTRNRS></INVSTMTMSGSRSV1></OFX>
                """;
        OfxStatementParser parser = new OfxStatementParser(new StringReader(investment), "brokerage.zip: ");

        // when / then
        assertThatThrownBy(parser::next).isInstanceOfSatisfying(UnreadableStatementException.class, e -> {
            assertThat(e.reasonCode()).isEqualTo("OFX_INVESTMENT_STATEMENT");
            assertThat(e.getMessage()).startsWith("brokerage.zip: investment statements are not bank statements");
        });
    }

    @Test
    void keepsTheEntriesOfABankStatementWhateverItsLedgerBalanceSaysSinceOfxGivesNoOpeningBalance() throws IOException {
        // given: a LEDGERBAL that no opening balance can be checked against
        String bank = """
                <OFX><BANKMSGSRSV1><STMTTRNRS><STMTRS><CURDEF>EUR
                <BANKACCTFROM><ACCTID>123</BANKACCTFROM>
                <BANKTRANLIST><STMTTRN><TRNTYPE>DEBIT<DTPOSTED>20260102<TRNAMT>-12.50<FITID>A</STMTTRN>
                <STMTTRN><TRNTYPE>CREDIT<DTPOSTED>20260103<TRNAMT>100.00<FITID>B</STMTTRN></BANKTRANLIST>
                <LEDGERBAL><BALAMT>9999.99<DTASOF>20260131</LEDGERBAL></STMTRS></STMTTRNRS></BANKMSGSRSV1></OFX>
                """;
        OfxStatementParser parser = new OfxStatementParser(new StringReader(bank), "");

        // when
        StatementEntry debit = parser.next();
        StatementEntry credit = parser.next();

        // then
        assertThat(debit.amount()).isEqualByComparingTo("-12.50");
        assertThat(credit.amount()).isEqualByComparingTo("100.00");
        assertThat(parser.next()).isNull();
    }
}
