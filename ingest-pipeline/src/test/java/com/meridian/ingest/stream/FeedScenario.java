package com.meridian.ingest.stream;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import com.meridian.schemas.events.AccountKey;
import com.meridian.schemas.events.BankFeedTransaction;
import com.meridian.schemas.events.BankFeedTransaction.ChangeType;
import com.meridian.schemas.events.BankFeedTransaction.Source;
import com.meridian.schemas.events.BankFeedTransaction.Status;
import com.meridian.schemas.topics.Topics;

/**
 * A bank feed as integrations really send it, generated from a seed: new transactions (a quarter without a source
 * id), redeliveries of the last version sent, modifications, removals, and malformed records of every kind. It
 * also keeps the oracle: which transactions must end up stored, with which amount, removed or not, and exactly
 * which records must be dead-lettered.
 */
final class FeedScenario {

    /** One record to produce. */
    record Event(byte[] key, byte[] value) {
    }

    /** What must be stored for one transaction identity. */
    record Expected(UUID tenant, UUID account, String sourceId, String description, BigDecimal amount,
            boolean removed) {
    }

    private static final LocalDate FIRST_BOOKING = LocalDate.of(2026, 11, 1);

    final List<Event> events = new ArrayList<>();
    final Map<String, Expected> expected = new LinkedHashMap<>();
    final Set<ByteBuffer> malformed = new HashSet<>();

    private final Map<String, BankFeedTransaction> lastSent = new LinkedHashMap<>();
    private final Random random;
    private final List<AccountKey> accounts;
    private final Instant start;

    private FeedScenario(long seed, List<AccountKey> accounts, Instant start) {
        this.random = new Random(seed);
        this.accounts = accounts;
        this.start = start;
    }

    static FeedScenario generate(long seed, int size, List<AccountKey> accounts, Instant start) {
        FeedScenario scenario = new FeedScenario(seed, accounts, start);
        for (int i = 0; i < size; i++) {
            scenario.next(i);
        }
        return scenario;
    }

    long storedCount() {
        return expected.size();
    }

    long liveCount(UUID tenant) {
        return expected.values().stream().filter(e -> e.tenant().equals(tenant) && !e.removed()).count();
    }

    long removedCount() {
        return expected.values().stream().filter(Expected::removed).count();
    }

    private void next(int i) {
        double dice = random.nextDouble();
        List<String> identities = new ArrayList<>(lastSent.keySet());
        if (dice < 0.03) {
            malformed(i);
        } else if (dice < 0.15 && !identities.isEmpty()) {
            BankFeedTransaction last = lastSent.get(pick(identities));
            send(copy(last, last.changeType(), last.amount(), at(i)));
        } else if (dice < 0.22 && !identities.isEmpty()) {
            modify(pick(identities), i);
        } else if (dice < 0.27 && !identities.isEmpty()) {
            remove(pick(identities), i);
        } else {
            add(i);
        }
    }

    private void add(int i) {
        AccountKey account = accounts.get(random.nextInt(accounts.size()));
        String sourceId = random.nextInt(4) == 0 ? null : "src-" + i;
        BankFeedTransaction transaction = new BankFeedTransaction(1, account.tenantId(), account.accountId(), null,
                Source.FEED, sourceId, ChangeType.ADDED, Status.BOOKED, FIRST_BOOKING.plusDays(i % 15), null,
                new BigDecimal(-(1 + random.nextInt(20000))).movePointLeft(2), "EUR", "Shop " + i, null,
                description(i), null, null, null, at(i));
        String identity = identity(transaction);
        expected.put(identity, new Expected(account.tenantId(), account.accountId(), sourceId, transaction.description(),
                transaction.amount(), false));
        lastSent.put(identity, transaction);
        send(transaction);
    }

    private void modify(String identity, int i) {
        Expected before = expected.get(identity);
        BankFeedTransaction last = lastSent.get(identity);
        if (before.removed() || before.sourceId() == null) {
            send(copy(last, last.changeType(), last.amount(), at(i))); // a redelivery instead
            return;
        }
        BigDecimal amount = before.amount().subtract(BigDecimal.ONE);
        BankFeedTransaction modified = copy(last, ChangeType.MODIFIED, amount, at(i));
        expected.put(identity, new Expected(before.tenant(), before.account(), before.sourceId(), before.description(),
                amount, false));
        lastSent.put(identity, modified);
        send(modified);
    }

    private void remove(String identity, int i) {
        Expected before = expected.get(identity);
        BankFeedTransaction last = lastSent.get(identity);
        BankFeedTransaction removal = copy(last, ChangeType.REMOVED, last.amount(), at(i));
        expected.put(identity, new Expected(before.tenant(), before.account(), before.sourceId(), before.description(),
                before.amount(), true));
        lastSent.put(identity, removal);
        send(removal);
    }

    private void malformed(int i) {
        AccountKey account = accounts.get(random.nextInt(accounts.size()));
        byte[] key = Topics.BANK_FEED_TRANSACTIONS.keySerde().serializer().serialize("", account);
        byte[] value = switch (random.nextInt(4)) {
            case 0 -> ("{\"schemaVersion\":1,\"garbage\":" + i).getBytes(UTF_8);
            case 1 -> serialize(withCurrency(valid(account, i), "XXY"));
            case 2 -> serialize(withAmount(valid(account, i), new BigDecimal("-1.005").subtract(BigDecimal.valueOf(i))));
            default -> serialize(valid(new AccountKey(account.tenantId(), UUID.randomUUID()), i));
        };
        if (value.length > 0 && random.nextInt(8) == 0) {
            key = ("not-a-key-" + i).getBytes(UTF_8);
        }
        malformed.add(ByteBuffer.wrap(value));
        events.add(new Event(key, value));
    }

    private BankFeedTransaction valid(AccountKey account, int i) {
        return new BankFeedTransaction(1, account.tenantId(), account.accountId(), null, Source.FEED, "bad-" + i,
                ChangeType.ADDED, Status.BOOKED, FIRST_BOOKING, null, new BigDecimal("-1.00"), "EUR", null, null,
                "malformed " + i, null, null, null, at(i));
    }

    private void send(BankFeedTransaction transaction) {
        events.add(new Event(Topics.BANK_FEED_TRANSACTIONS.keySerde().serializer().serialize("", transaction.key()),
                serialize(transaction)));
    }

    private String pick(List<String> identities) {
        return identities.get(random.nextInt(identities.size()));
    }

    private Instant at(int i) {
        return start.plusSeconds(i);
    }

    private static String description(int i) {
        String[] texts = {"Coffee Corner", "REWE Markt", "Monthly rent", "Salary", "Amazon Marketplace", "Uber trip"};
        return texts[i % texts.length] + " " + i;
    }

    static String identity(BankFeedTransaction transaction) {
        return transaction.tenantId() + "/" + transaction.accountId() + "/"
                + com.meridian.ingest.stream.internal.Fingerprints.identity(transaction);
    }

    private static byte[] serialize(BankFeedTransaction transaction) {
        return Topics.BANK_FEED_TRANSACTIONS.valueSerde().serializer().serialize("", transaction);
    }

    private static BankFeedTransaction copy(BankFeedTransaction t, ChangeType change, BigDecimal amount,
            Instant receivedAt) {
        return new BankFeedTransaction(1, t.tenantId(), t.accountId(), null, t.source(), t.sourceTransactionId(),
                change, t.status(), t.bookingDate(), null, amount, t.currency(), t.counterpartyName(), null,
                t.description(), null, null, null, receivedAt);
    }

    private static BankFeedTransaction withCurrency(BankFeedTransaction t, String currency) {
        return new BankFeedTransaction(1, t.tenantId(), t.accountId(), null, t.source(), t.sourceTransactionId(),
                t.changeType(), t.status(), t.bookingDate(), null, t.amount(), currency, null, null, t.description(),
                null, null, null, t.receivedAt());
    }

    private static BankFeedTransaction withAmount(BankFeedTransaction t, BigDecimal amount) {
        return copy(t, t.changeType(), amount, t.receivedAt());
    }
}
