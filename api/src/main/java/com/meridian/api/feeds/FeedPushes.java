package com.meridian.api.feeds;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.meridian.api.errors.ApiException;
import com.meridian.api.errors.ErrorCode;
import com.meridian.api.feeds.internal.FeedAccounts;
import com.meridian.api.feeds.internal.FeedMappers;
import com.meridian.api.feeds.internal.FeedQueue;
import com.meridian.api.feeds.internal.FeedRecord;
import com.meridian.schemas.events.BankFeedTransaction;
import com.meridian.schemas.events.BankFeedTransaction.Source;
import com.meridian.schemas.events.DeadLetter;
import com.meridian.schemas.events.EventJson;
import com.meridian.tenancy.TenantDatabase;
import com.meridian.tenancy.TenantId;

import io.micrometer.core.instrument.MeterRegistry;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * The HTTP push of bank-feed transactions: a batch in one of the {@link FeedFormat}s, for the caller's tenant, each
 * record mapped to the canonical transaction and either queued on {@code meridian.bank-feed.transactions.v1} or
 * refused with a reason (and dead-lettered, stage {@value #STAGE}). Nothing is dropped: every record gets a verdict.
 */
public final class FeedPushes {

    /** The dead-letter stage of records the push refused. */
    public static final String STAGE = "push";

    /** The most records one request may carry. */
    public static final int MAX_RECORDS = 1000;

    private final TenantDatabase database;
    private final FeedQueue queue;
    private final Clock clock;
    private final MeterRegistry meters;

    public FeedPushes(TenantDatabase database, FeedQueue queue, Clock clock, MeterRegistry meters) {
        this.database = database;
        this.queue = queue;
        this.clock = clock;
        this.meters = meters;
    }

    /** Maps, checks and queues the records of {@code body}; {@code account} names the account if the body does not. */
    public FeedPushResult push(TenantId tenant, FeedFormat format, byte[] body, String account) {
        List<FeedRecord> records = FeedMappers.map(format, parse(body), account);
        if (records.size() > MAX_RECORDS) {
            throw new ApiException(ErrorCode.PAYLOAD_TOO_LARGE, "at most " + MAX_RECORDS + " records per request");
        }
        FeedAccounts accounts = new FeedAccounts(database, tenant);
        List<FeedVerdict> verdicts = new ArrayList<>();
        List<BankFeedTransaction> accepted = new ArrayList<>();
        List<DeadLetter> rejected = new ArrayList<>();
        String origin = "http-push." + format.pathName();
        for (FeedRecord record : records) {
            Outcome outcome = bind(tenant, record, accounts);
            if (outcome.transaction != null) {
                accepted.add(outcome.transaction);
                verdicts.add(FeedVerdict.accepted(record.index(), record.sourceTransactionId()));
            } else {
                rejected.add(new DeadLetter(1, tenant.value(), origin, 0, record.index(), null, record.raw(),
                        outcome.code, outcome.reason, STAGE, clock.instant()));
                verdicts.add(FeedVerdict.rejected(record.index(), record.sourceTransactionId(), outcome.code,
                        outcome.reason));
            }
        }
        queue.enqueue(tenant, accepted, rejected);
        count(format, "accepted", accepted.size());
        count(format, "rejected", rejected.size());
        return FeedPushResult.of(format, verdicts);
    }

    private Outcome bind(TenantId tenant, FeedRecord record, FeedAccounts accounts) {
        if (record.isRejected()) {
            return Outcome.refused(record.rejectionCode(), record.rejection());
        }
        if (record.accountRef() == null) {
            return Outcome.refused("MISSING_ACCOUNT", "the record names no account; pass ?account=<account id>");
        }
        Optional<UUID> account = accounts.resolve(record.accountRef());
        if (account.isEmpty()) {
            return Outcome.refused("UNKNOWN_ACCOUNT", "no account of the tenant matches " + record.accountRef());
        }
        try {
            return Outcome.of(new BankFeedTransaction(1, tenant.value(), account.get(),
                    account.get().toString().equals(record.accountRef()) ? null : record.accountRef(), Source.API,
                    record.sourceTransactionId(), record.changeType(), record.status(), record.bookingDate(),
                    record.valueDate(), record.amount(), record.currency(), record.counterpartyName(),
                    record.counterpartyAccount(), record.description(), record.merchantName(), record.mcc(),
                    record.bankTransactionCode(), clock.instant()));
        } catch (IllegalArgumentException | NullPointerException e) {
            // the canonical contract's invariants (required fields per change type, currency and MCC format)
            return Outcome.refused("INVALID_RECORD", e.getMessage());
        }
    }

    private static JsonNode parse(byte[] body) {
        try {
            return EventJson.mapper().readTree(body);
        } catch (JacksonException e) {
            throw new ApiException(ErrorCode.MALFORMED_REQUEST, "the body is not JSON: " + e.getOriginalMessage());
        }
    }

    private void count(FeedFormat format, String verdict, int records) {
        meters.counter("meridian.feeds.records", "format", format.pathName(), "verdict", verdict).increment(records);
    }

    private record Outcome(BankFeedTransaction transaction, String code, String reason) {

        static Outcome of(BankFeedTransaction transaction) {
            return new Outcome(transaction, null, null);
        }

        static Outcome refused(String code, String reason) {
            return new Outcome(null, code, reason);
        }
    }
}
