package com.meridian.schemas.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.meridian.schemas.events.BankFeedTransaction.ChangeType;
import com.meridian.schemas.events.BankFeedTransaction.Source;
import com.meridian.schemas.events.BankFeedTransaction.Status;
import com.meridian.schemas.events.CategorizedTransaction.ConfidenceLevel;
import com.meridian.schemas.events.CategorizedTransaction.DecidedBy;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class EventInvariantsTest {

    private static final Instant NOW = Instant.parse("2025-02-01T08:00:00Z");

    @Test
    void pendingTransactionAddedWithItsReportedDateIsValid() {
        BankFeedTransaction pending = new BankFeedTransaction(1, EventSamples.TENANT, EventSamples.ACCOUNT, null,
                Source.FILE, null, ChangeType.ADDED, Status.PENDING, LocalDate.of(2025, 1, 31), null,
                new BigDecimal("250.00"), "CHF", null, null, null, null, null, null, NOW);

        assertThat(pending.key()).isEqualTo(EventSamples.ACCOUNT_KEY);
    }

    @Test
    void removalWithoutIdNeedsWhatTheFingerprintNeeds() {
        assertThatThrownBy(() -> new BankFeedTransaction(1, EventSamples.TENANT, EventSamples.ACCOUNT, null,
                Source.FILE, null, ChangeType.REMOVED, null, LocalDate.of(2025, 1, 31), null, null, "EUR", null, null,
                null, null, null, null, NOW))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("REMOVED");
    }

    @Test
    void confidenceIsBetweenZeroAndOne() {
        assertThatThrownBy(() -> categorized(new BigDecimal("1.0001"), DecidedBy.USER, null, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("confidence");
        assertThatThrownBy(() -> categorized(new BigDecimal("-0.01"), DecidedBy.USER, null, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(categorized(new BigDecimal("1.000"), DecidedBy.USER, null, null).confidence())
                .hasToString("1.000");
    }

    @Test
    void decisionNamesWhatDecided() {
        assertThatThrownBy(() -> categorized(BigDecimal.ONE, DecidedBy.RULE, "model-1", null))
                .hasMessageContaining("ruleId");
        assertThatThrownBy(() -> categorized(BigDecimal.ONE, DecidedBy.MODEL, null, "rule-1"))
                .hasMessageContaining("modelVersion");
    }

    @Test
    void usageQuantityIsNeverZero() {
        assertThatThrownBy(() -> new UsageEvent(1, UUID.randomUUID(), EventSamples.TENANT,
                UsageEvent.TRANSACTIONS_CATEGORIZED, 0, NOW, YearMonth.of(2025, 2), null))
                .hasMessageContaining("quantity");
    }

    @Test
    void deadLetterBytesCannotBeChangedFromOutside() {
        byte[] value = { 1, 2, 3 };
        DeadLetter deadLetter = new DeadLetter(1, null, "meridian.bank-feed.transactions.v1", 0, 7, null, value,
                "DESERIALIZATION_FAILED", "bad bytes", "validate", NOW);

        value[0] = 9;
        deadLetter.originalValue()[1] = 9;

        assertThat(deadLetter.originalValue()).containsExactly(1, 2, 3);
        assertThat(deadLetter.key()).isEqualTo(DeadLetter.UNKNOWN_TENANT);
    }

    @Test
    void deadLetterToStringLeavesOutTheCustomerPayload() {
        assertThat(EventSamples.deadLetter().toString())
                .contains("meridian.bank-feed.transactions.v1-3@42017", "DESERIALIZATION_FAILED", "validate")
                .doesNotContain("tenantId\":\"x");
    }

    private static CategorizedTransaction categorized(BigDecimal confidence, DecidedBy decidedBy, String modelVersion,
            String ruleId) {
        return new CategorizedTransaction(1, EventSamples.cardPayment(), "fp", "food", confidence,
                ConfidenceLevel.HIGH, false, modelVersion, decidedBy, ruleId, NOW);
    }
}
