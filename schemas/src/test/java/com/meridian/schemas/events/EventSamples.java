package com.meridian.schemas.events;

import com.meridian.schemas.events.BankFeedTransaction.ChangeType;
import com.meridian.schemas.events.BankFeedTransaction.Source;
import com.meridian.schemas.events.BankFeedTransaction.Status;
import com.meridian.schemas.events.CategorizedTransaction.ConfidenceLevel;
import com.meridian.schemas.events.CategorizedTransaction.DecidedBy;
import com.meridian.schemas.topics.Topic;
import com.meridian.schemas.topics.Topics;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;

/** Sample events for the contract tests: for each topic, one with every field set and at least one minimal one. */
public final class EventSamples {

    public static final UUID TENANT = UUID.fromString("7f1c2d3e-4b5a-4c6d-8e9f-0a1b2c3d4e5f");

    public static final UUID ACCOUNT = UUID.fromString("0b8e6f2a-91c4-4d17-a3e5-6c2f9d8b1a70");

    public static final AccountKey ACCOUNT_KEY = new AccountKey(TENANT, ACCOUNT);

    private static final Instant RECEIVED = Instant.parse("2025-02-01T08:15:30.123456Z");

    /** A topic, a key and a value written to it. */
    public record Sample<K, V>(String name, Topic<K, V> topic, K key, V value) {

        @Override
        public String toString() {
            return name;
        }
    }

    private EventSamples() {
    }

    public static final Sample<AccountKey, BankFeedTransaction> FEED = new Sample<>(
            "bank-feed transaction, every field", Topics.BANK_FEED_TRANSACTIONS, ACCOUNT_KEY, cardPayment());

    public static final Sample<AccountKey, BankFeedTransaction> FEED_REMOVAL = new Sample<>(
            "bank-feed removal by id only", Topics.BANK_FEED_TRANSACTIONS, ACCOUNT_KEY, removalById());

    public static final Sample<AccountKey, CategorizedTransaction> CATEGORIZED = new Sample<>(
            "categorized by model", Topics.CATEGORIZED_TRANSACTIONS, ACCOUNT_KEY, categorizedByModel());

    public static final Sample<AccountKey, CategorizedTransaction> CATEGORIZED_BY_RULE = new Sample<>(
            "categorized by rule", Topics.CATEGORIZED_TRANSACTIONS, ACCOUNT_KEY, categorizedByRule());

    public static final Sample<UUID, UsageEvent> USAGE = new Sample<>(
            "usage +1", Topics.USAGE_EVENTS, TENANT, usage(1));

    public static final Sample<UUID, UsageEvent> USAGE_REVERSAL = new Sample<>(
            "usage -1", Topics.USAGE_EVENTS, TENANT, usage(-1));

    public static final Sample<String, DeadLetter> DEAD_LETTER = new Sample<>(
            "dead letter, every field", Topics.DEAD_LETTERS, TENANT.toString(), deadLetter());

    public static final Sample<String, DeadLetter> DEAD_LETTER_OF_UNKNOWN_TENANT = new Sample<>(
            "dead letter, tenant and key unknown", Topics.DEAD_LETTERS, DeadLetter.UNKNOWN_TENANT,
            deadLetterOfUnknownTenant());

    public static List<Sample<?, ?>> all() {
        return List.of(FEED, FEED_REMOVAL, CATEGORIZED, CATEGORIZED_BY_RULE, USAGE, USAGE_REVERSAL, DEAD_LETTER,
                DEAD_LETTER_OF_UNKNOWN_TENANT);
    }

    /** A booked card payment with every field set. */
    public static BankFeedTransaction cardPayment() {
        return new BankFeedTransaction(1, TENANT, ACCOUNT, "DE89370400440532013000", Source.FEED, "2025013100042",
                ChangeType.ADDED, Status.BOOKED, LocalDate.of(2025, 1, 31), LocalDate.of(2025, 2, 1),
                new BigDecimal("-12.50"), "EUR", "Bäckerei Müller GmbH", "DE02120300000000202051",
                "SVWZ+Kartenzahlung 30.01 Filiale 12", "BAECKEREI MUELLER", "5462", "PMNT/CCRD/POSD", RECEIVED);
    }

    /** A removal that only names the bank's transaction id, as Plaid's {@code removed[]} does. */
    public static BankFeedTransaction removalById() {
        return new BankFeedTransaction(1, TENANT, ACCOUNT, null, Source.API, "plaid-tx-8812", ChangeType.REMOVED,
                null, null, null, null, null, null, null, null, null, null, null, RECEIVED);
    }

    public static CategorizedTransaction categorizedByModel() {
        return new CategorizedTransaction(1, cardPayment(), "fp-3f9a0c", "food.bakery", new BigDecimal("0.9350"),
                ConfidenceLevel.HIGH, false, "categorizer-2025.01.3", DecidedBy.MODEL, null,
                Instant.parse("2025-02-01T08:15:31Z"));
    }

    public static CategorizedTransaction categorizedByRule() {
        // a rule decides with certainty: the categorizer gives it the top level, VERY_HIGH
        return new CategorizedTransaction(1, cardPayment(), "fp-3f9a0c", "food.bakery", BigDecimal.ONE,
                ConfidenceLevel.VERY_HIGH, true, null, DecidedBy.RULE, "rule-17", Instant.parse("2025-02-01T08:15:31Z"));
    }

    public static UsageEvent usage(long quantity) {
        return new UsageEvent(1, UUID.nameUUIDFromBytes(("fp-3f9a0c" + quantity).getBytes(StandardCharsets.UTF_8)),
                TENANT, UsageEvent.TRANSACTIONS_CATEGORIZED, quantity, Instant.parse("2025-02-01T08:15:31Z"),
                YearMonth.of(2025, 2), "fp-3f9a0c");
    }

    public static DeadLetter deadLetter() {
        return new DeadLetter(1, TENANT, Topics.BANK_FEED_TRANSACTIONS.name(), 3, 42_017L,
                "{\"tenantId\":\"x\"}".getBytes(StandardCharsets.UTF_8), new byte[] { 0, (byte) 0xFF, 0x7B, 0x22 },
                "DESERIALIZATION_FAILED", "Cannot read BankFeedTransaction from 4 bytes", "validate",
                Instant.parse("2025-02-01T08:15:32Z"));
    }

    public static DeadLetter deadLetterOfUnknownTenant() {
        return new DeadLetter(1, null, Topics.CATEGORIZED_TRANSACTIONS.name(), 0, 0L, null,
                "{}".getBytes(StandardCharsets.UTF_8), "VALIDATION_FAILED", "transaction is required", "persist",
                Instant.parse("2025-02-01T08:15:32Z"));
    }
}
