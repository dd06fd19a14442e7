package com.meridian.api.feeds.internal;

/** A pushed record that cannot be mapped, with a stable reason code; it rejects that record only. */
final class FeedRecordException extends RuntimeException {

    private final String code;

    FeedRecordException(String code, String message) {
        super(message);
        this.code = code;
    }

    String code() {
        return code;
    }
}
