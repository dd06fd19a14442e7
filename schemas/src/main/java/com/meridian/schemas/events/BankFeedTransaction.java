package com.meridian.schemas.events;

import static com.meridian.schemas.events.Checks.check;
import static com.meridian.schemas.events.Checks.required;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * One bank transaction as a bank-feed integration, a statement file import or the API's HTTP push reports it:
 * the value of {@code meridian.bank-feed.transactions.v1}, keyed by {@link #key()} (schema
 * {@code events/bank-feed-transaction.v1.schema.json}).
 *
 * <p>Business rules:
 * <ul>
 *   <li>{@code amount} is signed from the account holder's view: negative is money out, whatever the source's
 *       convention (camt {@code CdtDbtInd}, Plaid's inverted sign, BAI2 type codes). Its scale is the one the bank
 *       sent and is never rounded here.</li>
 *   <li>{@code ADDED} needs status, bookingDate, amount and currency. {@code MODIFIED} needs the same plus
 *       {@code sourceTransactionId}, the only way to find the transaction it changes. {@code REMOVED} needs
 *       {@code sourceTransactionId}, or else bookingDate, amount and currency so the pipeline can fingerprint it.</li>
 *   <li>For a {@code PENDING} transaction, {@code bookingDate} is the date the bank reports for it (its
 *       transaction or authorisation date), replaced when the booked version arrives.</li>
 *   <li>{@code sourceTransactionId} is the bank's stable id (camt {@code AcctSvcrRef}, OFX {@code FITID}, Plaid
 *       {@code transaction_id}...), unique per account only; without it de-duplication falls back to a
 *       fingerprint.</li>
 * </ul>
 *
 * @param schemaVersion always 1 on this contract; lets a payload stored outside Kafka describe itself
 * @param tenantId the tenant owning the account
 * @param accountId the Meridian account id
 * @param externalAccountRef the bank's reference of the account (IBAN, account number), if known
 * @param source how the transaction reached Meridian
 * @param sourceTransactionId the bank's stable transaction id, if the source has one
 * @param changeType what happened to the transaction at the source
 * @param status whether the bank has booked the transaction
 * @param bookingDate the date the bank booked (or, if pending, dated) the transaction
 * @param valueDate the date the funds are available or charged, if reported
 * @param amount the signed amount; negative is money out
 * @param currency the ISO 4217 alphabetic code of {@code amount}
 * @param counterpartyName the other party's name, if reported
 * @param counterpartyAccount the other party's IBAN or account number, if reported
 * @param description the remittance information or statement text
 * @param merchantName the merchant's name, for card transactions, if reported
 * @param mcc the ISO 18245 merchant category code, four digits, if reported
 * @param bankTransactionCode the bank's transaction code as sent (ISO 20022 {@code PMNT/RCDT/ESCT}, BAI2 type
 *     code, MT940 {@code NTRF}...), if any
 * @param receivedAt when Meridian received the transaction
 */
public record BankFeedTransaction(
        int schemaVersion,
        UUID tenantId,
        UUID accountId,
        String externalAccountRef,
        Source source,
        String sourceTransactionId,
        ChangeType changeType,
        Status status,
        LocalDate bookingDate,
        LocalDate valueDate,
        BigDecimal amount,
        String currency,
        String counterpartyName,
        String counterpartyAccount,
        String description,
        String merchantName,
        String mcc,
        String bankTransactionCode,
        Instant receivedAt) {

    private static final Pattern MCC = Pattern.compile("[0-9]{4}");

    /** The channel a transaction arrived through. */
    public enum Source {
        /** A bank-feed integration (PSD2 / Open Banking API, aggregator). */
        FEED,
        /** A bank statement file (camt.05x, MT940, OFX, BAI2, CSV). */
        FILE,
        /** Pushed by a client through Meridian's HTTP API. */
        API
    }

    /** What the source reports about the transaction. */
    public enum ChangeType {
        ADDED,
        MODIFIED,
        REMOVED
    }

    /** Whether the bank has booked the transaction. */
    public enum Status {
        BOOKED,
        PENDING
    }

    public BankFeedTransaction {
        Checks.schemaVersion(schemaVersion);
        required(tenantId, "tenantId");
        required(accountId, "accountId");
        required(source, "source");
        required(changeType, "changeType");
        required(receivedAt, "receivedAt");
        Checks.currency(currency);
        Checks.matches(mcc, MCC, "mcc");
        checkChange(changeType, sourceTransactionId, status, bookingDate, amount, currency);
    }

    /** The Kafka key: the transaction's account. */
    public AccountKey key() {
        return new AccountKey(tenantId, accountId);
    }

    private static void checkChange(ChangeType changeType, String sourceTransactionId, Status status,
            LocalDate bookingDate, BigDecimal amount, String currency) {
        boolean booking = bookingDate != null && amount != null && currency != null;
        switch (changeType) {
            case ADDED -> check(booking && status != null, "ADDED needs status, bookingDate, amount and currency");
            case MODIFIED -> check(booking && status != null && sourceTransactionId != null,
                    "MODIFIED needs sourceTransactionId, status, bookingDate, amount and currency");
            case REMOVED -> check(booking || sourceTransactionId != null,
                    "REMOVED needs sourceTransactionId, or bookingDate, amount and currency");
        }
    }
}
