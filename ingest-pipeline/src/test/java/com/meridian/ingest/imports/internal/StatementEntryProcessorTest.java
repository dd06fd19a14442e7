package com.meridian.ingest.imports.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.meridian.ingest.imports.StatementEntry;
import com.meridian.ingest.jobs.RejectedEntryException;

class StatementEntryProcessorTest {

    private static final UUID ACCOUNT = UUID.fromString("00000000-0000-4000-8000-000000000001");

    @Test
    void findsTheAccountByTheFilesIbanWhenNoneIsGiven() {
        StatementEntryProcessor processor = new StatementEntryProcessor(null,
                id -> id.equals("DE89370400440532013000") ? Optional.of(ACCOUNT) : Optional.empty());

        StagedEntry staged = processor.process(coffee(0, "DE89370400440532013000", "EUR", "-2.50"));

        assertThat(staged.accountId()).isEqualTo(ACCOUNT);
        assertThat(staged.fingerprint()).hasSize(64);
    }

    @Test
    void twoIdenticalCoffeesShareAFingerprintThatTheOccurrenceTellsApart() {
        StatementEntryProcessor processor = new StatementEntryProcessor(ACCOUNT, id -> Optional.empty());

        assertThat(processor.process(coffee(0, null, "EUR", "-2.50")).fingerprint())
                .isEqualTo(processor.process(coffee(1, null, "EUR", "-2.500")).fingerprint())
                .isNotEqualTo(processor.process(coffee(2, null, "EUR", "-2.60")).fingerprint());
    }

    @Test
    void rejectsUnknownAccountsBadCurrenciesAndTooManyDecimals() {
        StatementEntryProcessor byIban = new StatementEntryProcessor(null, id -> Optional.empty());
        StatementEntryProcessor given = new StatementEntryProcessor(ACCOUNT, id -> Optional.empty());

        assertThatThrownBy(() -> byIban.process(coffee(0, "XX00", "EUR", "1"))).isInstanceOfSatisfying(
                RejectedEntryException.class, e -> assertThat(e.reasonCode()).isEqualTo("ACCOUNT_UNKNOWN"));
        assertThatThrownBy(() -> given.process(coffee(0, null, "euro", "1"))).isInstanceOfSatisfying(
                RejectedEntryException.class, e -> assertThat(e.reasonCode()).isEqualTo("CURRENCY_INVALID"));
        assertThatThrownBy(() -> given.process(coffee(0, null, "EUR", "1.1234567"))).isInstanceOfSatisfying(
                RejectedEntryException.class, e -> assertThat(e.reasonCode()).isEqualTo("AMOUNT_PRECISION"));
    }

    private static StatementEntry coffee(long position, String iban, String currency, String amount) {
        return new StatementEntry(position, "line " + (position + 2), iban, null, LocalDate.of(2026, 11, 2), null,
                new BigDecimal(amount), currency, "Cafe", null, "Coffee", null, false);
    }
}
