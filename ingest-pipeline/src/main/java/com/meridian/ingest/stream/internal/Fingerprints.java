package com.meridian.ingest.stream.internal;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;

import com.meridian.schemas.events.BankFeedTransaction;
import com.meridian.schemas.events.BankFeedTransaction.ChangeType;
import com.meridian.schemas.events.EventJson;

/**
 * The de-duplication identities of a transaction within its account.
 *
 * <p>The fingerprint is what a feed without ids gives twice for the same payment: booking date, signed amount
 * (trailing zeros aside), currency, and the counterparty and description texts with case and spacing normalised.
 * The content hash covers every field but the arrival time and change type, so that a redelivery is told apart
 * from a correction.
 */
public final class Fingerprints {

    private static final HexFormat HEX = HexFormat.of();

    private Fingerprints() {
    }

    /** The fingerprint, {@code fp1-} and 32 hex digits; null when the transaction lacks its booking fields. */
    public static String fingerprint(BankFeedTransaction transaction) {
        if (transaction.bookingDate() == null || transaction.amount() == null || transaction.currency() == null) {
            return null;
        }
        String material = String.join("|", transaction.accountId().toString(), transaction.bookingDate().toString(),
                transaction.amount().stripTrailingZeros().toPlainString(), transaction.currency(),
                normalise(transaction.counterpartyName()), normalise(transaction.description()));
        return "fp1-" + HEX.formatHex(sha256(material.getBytes(UTF_8)), 0, 16);
    }

    /** The identity the pipeline de-duplicates on: the source's id when it has one, else the fingerprint. */
    public static String identity(BankFeedTransaction transaction) {
        return transaction.sourceTransactionId() != null
                ? "id:" + transaction.sourceTransactionId()
                : "fp:" + fingerprint(transaction);
    }

    /** A hash of what the transaction says, without when it arrived or how the source labelled the change. */
    static String contentHash(BankFeedTransaction t) {
        BankFeedTransaction content = new BankFeedTransaction(t.schemaVersion(), t.tenantId(), t.accountId(),
                t.externalAccountRef(), t.source(), t.sourceTransactionId(), ChangeType.ADDED, t.status(),
                t.bookingDate(), t.valueDate(), t.amount(), t.currency(), t.counterpartyName(),
                t.counterpartyAccount(), t.description(), t.merchantName(), t.mcc(), t.bankTransactionCode(),
                Instant.EPOCH);
        return HEX.formatHex(sha256(EventJson.mapper().writeValueAsBytes(content)), 0, 16);
    }

    private static String normalise(String text) {
        return text == null ? "" : text.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
