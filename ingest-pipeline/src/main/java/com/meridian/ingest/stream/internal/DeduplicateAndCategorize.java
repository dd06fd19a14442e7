package com.meridian.ingest.stream.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

import com.meridian.categorizer.CategorizationInput;
import com.meridian.categorizer.CategoryDecision;
import com.meridian.categorizer.TransactionCategorizer;
import com.meridian.ingest.stream.PipelineMetrics;
import com.meridian.schemas.events.AccountKey;
import com.meridian.schemas.events.BankFeedTransaction;
import com.meridian.schemas.events.BankFeedTransaction.ChangeType;
import com.meridian.schemas.events.CategorizedTransaction;
import com.meridian.tenancy.TenantId;

/**
 * De-duplicates one account's transactions against the identities it has seen, and categorizes what gets through.
 *
 * <p>Per identity: the first version is added (+1 usage); the same content again is a redelivery and dropped
 * (counted as {@code duplicate}); other content under the same source id is a change of the stored row, whatever
 * the source called it (0 usage), while under the same fingerprint it is a redelivery too; a removal marks it removed (-1 usage, in the periods it was counted in) and is final, so a late
 * redelivery of the original does not bring it back. A removal of an identity never seen is remembered, so the
 * late original is not stored either, and is counted as {@code removed_unknown}.
 */
public final class DeduplicateAndCategorize implements Processor<AccountKey, BankFeedTransaction, AccountKey, Ingested> {

    /** Confidence is stored as {@code numeric(5, 4)}. */
    private static final int CONFIDENCE_SCALE = 4;

    private final String storeName;
    private final TransactionCategorizer categorizer;
    private final PipelineMetrics metrics;
    private ProcessorContext<AccountKey, Ingested> context;
    private KeyValueStore<String, KnownTransaction> known;

    public DeduplicateAndCategorize(String storeName, TransactionCategorizer categorizer, PipelineMetrics metrics) {
        this.storeName = storeName;
        this.categorizer = categorizer;
        this.metrics = metrics;
    }

    @Override
    public void init(ProcessorContext<AccountKey, Ingested> context) {
        this.context = context;
        this.known = context.getStateStore(storeName);
    }

    @Override
    public void process(Record<AccountKey, BankFeedTransaction> record) {
        BankFeedTransaction transaction = record.value();
        String identity = Fingerprints.identity(transaction);
        String storeKey = record.key().tenantId() + "/" + record.key().accountId() + "/" + identity;
        KnownTransaction before = known.get(storeKey);
        if (transaction.changeType() == ChangeType.REMOVED) {
            remove(record, storeKey, identity, before);
        } else {
            upsert(record, storeKey, identity, before);
        }
    }

    private void upsert(Record<AccountKey, BankFeedTransaction> record, String storeKey, String identity,
            KnownTransaction before) {
        BankFeedTransaction transaction = record.value();
        String contentHash = Fingerprints.contentHash(transaction);
        // without a source id the fingerprint is all there is: the same fingerprint is the same transaction, and
        // a change cannot be told from a new one (the contract allows MODIFIED only with a source id)
        boolean fingerprinted = transaction.sourceTransactionId() == null;
        if (before != null && (before.removed() || fingerprinted || before.contentHash().equals(contentHash))) {
            metrics.record("duplicate");
            return;
        }
        boolean added = before == null;
        ChangeType effect = added ? ChangeType.ADDED : ChangeType.MODIFIED;
        CategorizedTransaction categorized = categorize(withChange(transaction, effect));
        var meteredAt = added ? transaction.receivedAt() : before.meteredAt();
        known.put(storeKey, new KnownTransaction(contentHash, false, meteredAt, categorized));
        metrics.record(added ? "added" : "modified");
        context.forward(record.withValue(new Ingested(categorized, identity, meteredAt, added ? 1 : 0)));
    }

    private void remove(Record<AccountKey, BankFeedTransaction> record, String storeKey, String identity,
            KnownTransaction before) {
        if (before != null && before.removed()) {
            metrics.record("duplicate");
            return;
        }
        if (before == null) {
            known.put(storeKey, new KnownTransaction("", true, record.value().receivedAt(), null));
            metrics.record("removed_unknown");
            return;
        }
        CategorizedTransaction last = before.latest();
        BankFeedTransaction removal = withChange(last.transaction(), ChangeType.REMOVED, record.value());
        CategorizedTransaction removed = new CategorizedTransaction(1, removal, last.fingerprint(),
                last.categoryCode(), last.confidence(), last.confidenceLevel(), last.needsReview(),
                last.modelVersion(), last.decidedBy(), last.ruleId(), last.categorizedAt());
        known.put(storeKey, new KnownTransaction(before.contentHash(), true, before.meteredAt(), removed));
        metrics.record("removed");
        context.forward(record.withValue(new Ingested(removed, identity, before.meteredAt(), -1)));
    }

    private CategorizedTransaction categorize(BankFeedTransaction transaction) {
        List<CategoryDecision> decisions = categorizer.categorize(new TenantId(transaction.tenantId()),
                List.of(CategorizationInput.of(transaction)));
        CategoryDecision decision = decisions.get(0);
        BigDecimal confidence = decision.confidence().setScale(CONFIDENCE_SCALE, RoundingMode.HALF_UP);
        return new CategorizedTransaction(1, transaction, Fingerprints.fingerprint(transaction),
                decision.categoryCode(), confidence, decision.level(), decision.needsReview(),
                decision.modelVersion(), decision.decidedBy(),
                decision.ruleId() == null ? null : decision.ruleId().toString(), transaction.receivedAt());
    }

    private static BankFeedTransaction withChange(BankFeedTransaction t, ChangeType change) {
        return withChange(t, change, t);
    }

    // the stored version's fields, with the change type given and the arrival time of the record that caused it
    private static BankFeedTransaction withChange(BankFeedTransaction t, ChangeType change, BankFeedTransaction cause) {
        return new BankFeedTransaction(t.schemaVersion(), t.tenantId(), t.accountId(), t.externalAccountRef(),
                t.source(), t.sourceTransactionId(), change, t.status(), t.bookingDate(), t.valueDate(), t.amount(),
                t.currency(), t.counterpartyName(), t.counterpartyAccount(), t.description(), t.merchantName(),
                t.mcc(), t.bankTransactionCode(), cause.receivedAt());
    }
}
