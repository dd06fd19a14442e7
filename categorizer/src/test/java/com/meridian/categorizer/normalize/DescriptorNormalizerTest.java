package com.meridian.categorizer.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class DescriptorNormalizerTest {

    private final DescriptorNormalizer normalizer = new DescriptorNormalizer();

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            SQ *BLUE BOTTLE COFFEE                              | blue bottle coffee   | proc:square
            TST* SHAKE SHACK 1234                               | shake shack          | proc:toast
            PAYPAL *NETFLIX.COM 402-935-7733 CA                 | netflix com          | proc:paypal
            POS DEBIT STARBUCKS #1234 SEATTLE WA                | starbucks seattle    | kind:card
            CHECKCARD 1103 SHELL OIL 57444 HOUSTON TX           | shell oil houston    | kind:card
            TARGET T-5627 03/14                                 | target               | has:store
            AMAZON.COM*2K4LM9 AMZN.COM/BILL 4111 1111 1111 1111 | amazon com amzn com bill | has:card
            WALMART XXXX1234 2024-03-14                         | walmart              | has:date
            """)
    void stripsProcessorPrefixesNumbersAndLocations(String raw, String text, String signal) {
        NormalizedDescriptor d = normalizer.normalize(raw);

        assertThat(d.text()).isEqualTo(text);
        assertThat(d.signals()).contains(signal);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            SEPA-Lastschrift EREF+4711 MREF+M-0815 CRED+DE98ZZZ09999999999 SVWZ+Miete Januar Wohnung  | rent wohnung
            SEPA-Überweisung Gehalt November Musterfirma GmbH IBAN DE89370400440532013000            | payroll musterfirma
            SEPA Incasso Zorgverzekeraar Zilveren Kruis Kenmerk: 123456789 Machtiging: ZK-99          | health insurance zilveren kruis
            BEA Albert Heijn 1234 Amsterdam NLD                                                        | albert heijn amsterdam
            PRLV SEPA EDF CLIENTS PARTICULIERS ICS: FR12ZZZ123456 RUM: ++EDF-0042                     | edf clients particuliers
            VIR SEPA LOYER OCTOBRE SCI DES LILAS                                                      | rent sci des lilas
            PAIEMENT PAR CARTE 12/10 BOULANGERIE PAUL PARIS FRA                                       | bakery paul paris
            """)
    void translatesEuropeanRemittanceTextsAndDropsSepaReferences(String raw, String text) {
        assertThat(normalizer.normalize(raw).text()).isEqualTo(text);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            SEPA-LASTSCHRIFT EREF+ZV0815 MREF+M-1 CRED+DE12ZZZ00000012345 ABWA+Stadtwerke Musterstadt SVWZ+Abschlag | electric utility musterstadt abschlag | kind:direct_debit
            KARTENZAHLUNG girocard 12.11.2026 REWE Markt GmbH Berlin                  | rewe markt berlin          | has:legal_form
            Betaalautomaat 14:32 Dirk van den Broek pasnr. 012                        | dirk van den broek         | kind:card
            iDEAL Bol.com bestelling 4411223344                                       | bol com bestelling         | proc:ideal
            VIR SEPA RECU /DE ACME FRANCE SAS /MOTIF SALAIRE OCTOBRE /REF 2026-10-A77 | acme france payroll        | has:sepa_ref
            CB PATHE CINEMAS 14/11 PARIS                                              | pathe cinemas paris        | kind:card
            SEPA-Überweisung Rate 12 Darlehen 11/2026                                 | rate loan                  | has:date
            SEPA-Ueberweisung Zahnarztpraxis Dr Weber                                 | zahnarztpraxis dr weber    | kind:transfer
            Salary November                                                           | payroll                    | has:period
            Allianz Versicherungs-AG Kfz-Versicherung                                 | allianz versicherungs kfz insurance | has:legal_form
            """)
    void handlesSepaConventionsLegalFormsMonthsAndNumbers(String raw, String text, String signal) {
        NormalizedDescriptor d = normalizer.normalize(raw);

        assertThat(d.text()).isEqualTo(text);
        assertThat(d.signals()).contains(signal);
    }

    @Test
    void aLegalFormOrMonthThatStartsTheTextIsKeptAsAName() {
        assertThat(normalizer.normalize("CO OP FOOD").text()).isEqualTo("co op food");
        assertThat(normalizer.normalize("AG Insurance Brussels").text()).isEqualTo("ag insurance brussels");
    }

    @Test
    void paymentRailsBecomeSignalsNotWords() {
        NormalizedDescriptor d = normalizer.normalize("SEPA-Überweisung Miete November");

        assertThat(d.text()).isEqualTo("rent");
        assertThat(d.signals()).contains("kind:transfer", "lang:eu");
        assertThat(normalizer.normalize("PRLV SEPA FREE MOBILE").signals()).contains("kind:direct_debit");
    }

    @Test
    void knownBrandsAddTheirKindOfBusinessAsASignal() {
        assertThat(normalizer.normalize("Kartenzahlung girocard REWE Markt GmbH Berlin").signals())
                .contains("brand:groceries", "kind:card");
        assertThat(normalizer.normalize("BEA Albert Heijn 1407 Amsterdam NLD").signals()).contains("brand:groceries");
        assertThat(normalizer.normalize("STARBUCKS #1234 SEATTLE WA").signals()).contains("brand:restaurants");
        assertThat(normalizer.normalize("ONLINE TRANSFER TO SAVINGS").signals()).noneMatch(s -> s.startsWith("brand:"));
    }

    @Test
    void leadingDebitOrCreditIsDirectionNotText() {
        assertThat(normalizer.normalize("debit paypal inst xfer cost cutters").text()).isEqualTo("cost cutters");
        assertThat(normalizer.normalize("credit acme corp payroll").text()).isEqualTo("acme payroll");
    }

    @Test
    void merchantCounterpartyAndDescriptionAreJoinedWithoutRepeatingThemselves() {
        NormalizedDescriptor d = normalizer.normalize("Starbucks", null, "STARBUCKS #1234 SEATTLE WA");

        assertThat(d.text()).isEqualTo("starbucks seattle");
        assertThat(d.merchantKey()).isEqualTo("starbucks");
    }

    @Test
    void merchantKeyFallsBackToTheFirstWordsOfTheDescription() {
        assertThat(normalizer.normalize(null, null, "POS DEBIT 4417 GREEN LEAF STUDIO 11/03").merchantKey())
                .isEqualTo("green leaf studio");
    }

    @Test
    void emptyInputGivesAnEmptyDescriptor() {
        NormalizedDescriptor d = normalizer.normalize(null, " ", null);

        assertThat(d.text()).isEmpty();
        assertThat(d.tokens()).isEmpty();
        assertThat(d.merchantKey()).isEmpty();
    }
}
