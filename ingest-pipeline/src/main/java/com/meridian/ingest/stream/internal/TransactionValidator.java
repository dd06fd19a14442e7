package com.meridian.ingest.stream.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.Optional;
import java.util.UUID;

import org.apache.kafka.common.errors.SerializationException;

import com.meridian.ingest.stream.AccountDirectory;
import com.meridian.ingest.stream.IngestStreamsProperties.ValidationLimits;
import com.meridian.schemas.events.AccountKey;
import com.meridian.schemas.events.BankFeedTransaction;
import com.meridian.schemas.events.DeadLetter;
import com.meridian.schemas.topics.Topics;

/**
 * The validation rules of the bank-feed topic, on the record's raw bytes so that undecodable input becomes a dead
 * letter in the same Kafka transaction as everything else (exactly once, also for garbage).
 *
 * <p>Rules, in order: a key and a value that decode with the topic's serdes (which enforce the contract's
 * invariants); a key that names the value's tenant and account; a known tenant and an account of that tenant; an
 * ISO 4217 currency whose minor units the amount does not exceed (trailing zeros aside); a booking date at most
 * {@code maxPastDays} before and {@code maxFutureDays} after the transaction's arrival, and a value date within a
 * year of it. Dates are judged against {@code receivedAt}, never the wall clock, so a replay judges alike.
 */
public final class TransactionValidator {

    static final String STAGE = "validate";

    private static final int VALUE_DATE_SLACK_DAYS = 366;

    private final AccountDirectory directory;
    private final ValidationLimits limits;

    public TransactionValidator(AccountDirectory directory, ValidationLimits limits) {
        this.directory = directory;
        this.limits = limits;
    }

    /** Validates one raw record read at {@code position}; {@code now} stamps a dead letter. */
    public Checked check(byte[] key, byte[] value, SourcePosition position, Instant now) {
        Decoded decoded = decode(key, value, position.topic());
        Rejection rejection = decoded.rejection != null ? decoded.rejection : rules(decoded.key, decoded.transaction);
        if (rejection == null) {
            return Checked.valid(decoded.key, decoded.transaction);
        }
        return Checked.rejected(new DeadLetter(1, rejection.tenantId(), position.topic(), position.partition(),
                position.offset(), key, value, rejection.code(), rejection.message(), STAGE, now));
    }

    private Decoded decode(byte[] key, byte[] value, String topic) {
        if (key == null) {
            return Decoded.failed(new Rejection(Rejection.MISSING_KEY, "the record has no key", null));
        }
        AccountKey accountKey;
        try {
            accountKey = Topics.BANK_FEED_TRANSACTIONS.keySerde().deserializer().deserialize(topic, key);
        } catch (SerializationException e) {
            return Decoded.failed(new Rejection(Rejection.DESERIALIZATION_FAILED, e.getMessage(), null));
        }
        UUID tenant = knownTenant(accountKey.tenantId());
        if (value == null) {
            return Decoded.failed(new Rejection(Rejection.MISSING_VALUE, "the record has no value", tenant));
        }
        try {
            BankFeedTransaction transaction = Topics.BANK_FEED_TRANSACTIONS.valueSerde().deserializer()
                    .deserialize(topic, value);
            return new Decoded(accountKey, transaction, null);
        } catch (SerializationException e) {
            return Decoded.failed(new Rejection(Rejection.DESERIALIZATION_FAILED, e.getMessage(), tenant));
        }
    }

    private Rejection rules(AccountKey key, BankFeedTransaction transaction) {
        UUID tenant = knownTenant(transaction.tenantId());
        if (!key.equals(transaction.key())) {
            return new Rejection(Rejection.KEY_MISMATCH, "the key names another account than the value", tenant);
        }
        if (tenant == null) {
            return new Rejection(Rejection.UNKNOWN_TENANT, "tenant " + transaction.tenantId() + " does not exist",
                    null);
        }
        if (!directory.accountExists(tenant, transaction.accountId())) {
            return new Rejection(Rejection.UNKNOWN_ACCOUNT,
                    "account " + transaction.accountId() + " does not exist in the tenant", tenant);
        }
        return Optional.ofNullable(money(transaction)).orElseGet(() -> dates(transaction));
    }

    private Rejection money(BankFeedTransaction transaction) {
        if (transaction.currency() == null) {
            return null;
        }
        Currency currency = iso4217(transaction.currency());
        if (currency == null || currency.getDefaultFractionDigits() < 0) {
            return new Rejection(Rejection.UNKNOWN_CURRENCY,
                    transaction.currency() + " is not an ISO 4217 currency of payments", transaction.tenantId());
        }
        BigDecimal amount = transaction.amount();
        if (amount != null && amount.stripTrailingZeros().scale() > currency.getDefaultFractionDigits()) {
            return new Rejection(Rejection.AMOUNT_SCALE, "amount has more decimals than the "
                    + currency.getDefaultFractionDigits() + " minor units of " + currency, transaction.tenantId());
        }
        return null;
    }

    private Rejection dates(BankFeedTransaction transaction) {
        if (transaction.bookingDate() == null) {
            return null;
        }
        LocalDate arrival = LocalDate.ofInstant(transaction.receivedAt(), ZoneOffset.UTC);
        LocalDate booking = transaction.bookingDate();
        if (booking.isBefore(arrival.minusDays(limits.maxPastDays()))
                || booking.isAfter(arrival.plusDays(limits.maxFutureDays()))) {
            return new Rejection(Rejection.IMPLAUSIBLE_DATE, "booking date " + booking + " is implausible for a "
                    + "transaction received on " + arrival, transaction.tenantId());
        }
        LocalDate value = transaction.valueDate();
        if (value != null && Math.abs(value.toEpochDay() - booking.toEpochDay()) > VALUE_DATE_SLACK_DAYS) {
            return new Rejection(Rejection.IMPLAUSIBLE_DATE, "value date " + value + " is more than a year from "
                    + "booking date " + booking, transaction.tenantId());
        }
        return null;
    }

    private UUID knownTenant(UUID tenant) {
        return directory.tenantZone(tenant).isPresent() ? tenant : null;
    }

    private static Currency iso4217(String code) {
        try {
            return Currency.getInstance(code);
        } catch (IllegalArgumentException e) {
            return null; // not a currency code at all: reported as UNKNOWN_CURRENCY by the caller
        }
    }

    private record Decoded(AccountKey key, BankFeedTransaction transaction, Rejection rejection) {

        static Decoded failed(Rejection rejection) {
            return new Decoded(null, null, rejection);
        }
    }
}
