package com.meridian.api.feeds;

/**
 * What happened to one pushed record: {@code ACCEPTED} means it is durably on the bank-feed topic (the pipeline
 * still de-duplicates and validates it further, and dead-letters it if it fails there); {@code REJECTED} means it was
 * not queued, for {@code reasonCode}, and was written to the dead-letter topic with its original bytes.
 *
 * @param index the record's position in the request, from 0
 * @param sourceTransactionId the source's id of the transaction, if it had one
 * @param verdict {@code ACCEPTED} or {@code REJECTED}
 * @param reasonCode a stable code when rejected ({@code UNKNOWN_ACCOUNT}, {@code INVALID_RECORD}, ...)
 * @param reason a message for people when rejected
 */
public record FeedVerdict(int index, String sourceTransactionId, String verdict, String reasonCode, String reason) {

    public static FeedVerdict accepted(int index, String sourceTransactionId) {
        return new FeedVerdict(index, sourceTransactionId, "ACCEPTED", null, null);
    }

    public static FeedVerdict rejected(int index, String sourceTransactionId, String reasonCode, String reason) {
        return new FeedVerdict(index, sourceTransactionId, "REJECTED", reasonCode, reason);
    }
}
