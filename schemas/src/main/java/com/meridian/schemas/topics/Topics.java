package com.meridian.schemas.topics;

import com.meridian.schemas.events.AccountKey;
import com.meridian.schemas.events.BankFeedTransaction;
import com.meridian.schemas.events.CategorizedTransaction;
import com.meridian.schemas.events.DeadLetter;
import com.meridian.schemas.events.UsageEvent;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

/**
 * Every Kafka topic of Meridian, one immutable constant each; {@code docs/topics.md} says who writes and reads them.
 *
 * <p>The two account-keyed topics share a partition count so that the ingest pipeline reads and writes an
 * account on the same partition number without repartitioning.
 */
public final class Topics {

    private static final JsonSerde<AccountKey> ACCOUNT_KEY = new JsonSerde<>(AccountKey.class);

    /**
     * Bank-feed transactions in, from bank-feed integrations, statement imports and the API's HTTP push; read by the
     * ingest pipeline. Keyed by account so that one account's transactions stay in order.
     */
    public static final Topic<AccountKey, BankFeedTransaction> BANK_FEED_TRANSACTIONS = new Topic<>(
            "meridian.bank-feed.transactions.v1", ACCOUNT_KEY, new JsonSerde<>(BankFeedTransaction.class),
            12, CleanupPolicy.DELETE, Duration.ofDays(7),
            "events/account-key.v1.schema.json", "events/bank-feed-transaction.v1.schema.json");

    /**
     * Validated, de-duplicated, categorized transactions, written by the ingest pipeline; read by the persistence
     * sink and any other consumer. Keyed by account.
     */
    public static final Topic<AccountKey, CategorizedTransaction> CATEGORIZED_TRANSACTIONS = new Topic<>(
            "meridian.transactions.categorized.v1", ACCOUNT_KEY, new JsonSerde<>(CategorizedTransaction.class),
            12, CleanupPolicy.DELETE, Duration.ofDays(7),
            "events/account-key.v1.schema.json", "events/categorized-transaction.v1.schema.json");

    /** Metered usage per tenant, written by the metering pipeline; read by billing. Keyed by tenant id (UTF-8 text). */
    public static final Topic<UUID, UsageEvent> USAGE_EVENTS = new Topic<>(
            "meridian.usage.events.v1", TextSerdes.uuid(), new JsonSerde<>(UsageEvent.class),
            6, CleanupPolicy.DELETE, Duration.ofDays(30),
            null, "events/usage-event.v1.schema.json");

    /**
     * Records a stage rejected, kept 30 days so that they can be replayed. Keyed by tenant id (UTF-8 text) or
     * {@value DeadLetter#UNKNOWN_TENANT}.
     */
    public static final Topic<String, DeadLetter> DEAD_LETTERS = new Topic<>(
            "meridian.dead-letters.v1", TextSerdes.utf8(), new JsonSerde<>(DeadLetter.class),
            3, CleanupPolicy.DELETE, Duration.ofDays(30),
            null, "events/dead-letter.v1.schema.json");

    private static final List<Topic<?, ?>> ALL = List.of(BANK_FEED_TRANSACTIONS, CATEGORIZED_TRANSACTIONS,
            USAGE_EVENTS, DEAD_LETTERS);

    private Topics() {
    }

    /** All topics, for declaring them ({@code Topic::newTopic}) and checking them. */
    public static List<Topic<?, ?>> all() {
        return ALL;
    }
}
