package com.meridian.api.feeds.internal;

import java.math.BigDecimal;
import java.time.LocalDate;

import com.meridian.schemas.events.BankFeedTransaction.ChangeType;
import com.meridian.schemas.events.BankFeedTransaction.Status;

/**
 * One pushed record, mapped from its source format but not yet bound to a tenant's account: the account is named by
 * the source ({@code accountRef}: a Meridian account id, an IBAN or the account's external reference), and
 * {@code raw} holds the record's own JSON bytes for a dead letter. A record that could not be mapped carries the
 * reason instead ({@code rejectionCode}).
 */
public record FeedRecord(int index, byte[] raw, String accountRef, String sourceTransactionId, ChangeType changeType,
        Status status, LocalDate bookingDate, LocalDate valueDate, BigDecimal amount, String currency,
        String counterpartyName, String counterpartyAccount, String description, String merchantName, String mcc,
        String bankTransactionCode, String rejectionCode, String rejection) {

    static FeedRecord rejected(int index, byte[] raw, String sourceTransactionId, String code, String reason) {
        return new FeedRecord(index, raw, null, sourceTransactionId, null, null, null, null, null, null, null, null,
                null, null, null, null, code, reason);
    }

    public boolean isRejected() {
        return rejectionCode != null;
    }
}
