package com.meridian.schemas.events;

import static com.meridian.schemas.events.Checks.check;
import static com.meridian.schemas.events.Checks.required;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * A validated, de-duplicated transaction with its category: the value of
 * {@code meridian.transactions.categorized.v1}, keyed by {@link #key()} (schema
 * {@code events/categorized-transaction.v1.schema.json}).
 *
 * <p>Business rules:
 * <ul>
 *   <li>{@code fingerprint} identifies the transaction across sources and re-deliveries; the sink upserts on
 *       (tenant, account, fingerprint). A {@code REMOVED} transaction carries the fingerprint and category it had
 *       when it was added, so the sink can delete it and metering can reverse it.</li>
 *   <li>{@code confidence} is a {@link BigDecimal} in [0, 1], never a double, so that thresholds compare exactly
 *       everywhere.</li>
 *   <li>A {@code MODEL} decision names its {@code modelVersion}; a {@code RULE} decision names its {@code ruleId};
 *       a {@code USER} decision overrides both and is never replaced by a later model decision.</li>
 * </ul>
 *
 * @param schemaVersion always 1 on this contract
 * @param transaction the canonical transaction, as validated by the ingest pipeline
 * @param fingerprint the transaction's de-duplication identity within its account
 * @param categoryCode the category assigned, a code of Meridian's category taxonomy
 * @param confidence how sure the decision is, from 0 to 1
 * @param confidenceLevel the band {@code confidence} falls in, as the categorizer's thresholds define it
 * @param needsReview whether a person should confirm the category
 * @param modelVersion the model that decided, required when {@code decidedBy} is {@code MODEL}
 * @param decidedBy who assigned the category
 * @param ruleId the rule that decided, required when {@code decidedBy} is {@code RULE}
 * @param categorizedAt when the category was assigned
 */
public record CategorizedTransaction(
        int schemaVersion,
        BankFeedTransaction transaction,
        String fingerprint,
        String categoryCode,
        BigDecimal confidence,
        ConfidenceLevel confidenceLevel,
        boolean needsReview,
        String modelVersion,
        DecidedBy decidedBy,
        String ruleId,
        Instant categorizedAt) {

    /** Band of a confidence score. */
    public enum ConfidenceLevel {
        LOW,
        MEDIUM,
        HIGH,
        VERY_HIGH
    }

    /** Who assigned the category. */
    public enum DecidedBy {
        MODEL,
        RULE,
        USER
    }

    public CategorizedTransaction {
        Checks.schemaVersion(schemaVersion);
        required(transaction, "transaction");
        Checks.requiredText(fingerprint, "fingerprint");
        Checks.requiredText(categoryCode, "categoryCode");
        required(confidence, "confidence");
        required(confidenceLevel, "confidenceLevel");
        required(decidedBy, "decidedBy");
        required(categorizedAt, "categorizedAt");
        check(confidence.signum() >= 0 && confidence.compareTo(BigDecimal.ONE) <= 0, "confidence must be in [0, 1]");
        check(decidedBy != DecidedBy.MODEL || modelVersion != null, "a MODEL decision needs modelVersion");
        check(decidedBy != DecidedBy.RULE || ruleId != null, "a RULE decision needs ruleId");
    }

    /** The Kafka key: the transaction's account. */
    public AccountKey key() {
        return transaction.key();
    }

    /** The tenant owning the transaction. */
    public UUID tenantId() {
        return transaction.tenantId();
    }
}
