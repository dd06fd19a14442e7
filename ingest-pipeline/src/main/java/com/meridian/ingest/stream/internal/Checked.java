package com.meridian.ingest.stream.internal;

import com.meridian.schemas.events.AccountKey;
import com.meridian.schemas.events.BankFeedTransaction;
import com.meridian.schemas.events.DeadLetter;

/**
 * The outcome of validating one raw bank-feed record: either the transaction, or the dead letter that says why
 * it was refused. Exactly one of the two is set.
 */
public record Checked(AccountKey key, BankFeedTransaction transaction, DeadLetter deadLetter) {

    static Checked valid(AccountKey key, BankFeedTransaction transaction) {
        return new Checked(key, transaction, null);
    }

    static Checked rejected(DeadLetter deadLetter) {
        return new Checked(null, null, deadLetter);
    }

    public boolean isValid() {
        return deadLetter == null;
    }
}
