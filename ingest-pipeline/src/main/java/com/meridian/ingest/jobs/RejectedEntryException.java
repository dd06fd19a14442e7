package com.meridian.ingest.jobs;

/**
 * An input entry a job refuses, with where it is and why. A step's skip policy skips it and
 * {@link RejectedEntryRecorder} stores it in {@code dead_letters}, so nothing is dropped silently.
 *
 * @see RejectedEntryRecorder
 */
public class RejectedEntryException extends RuntimeException {

    private final String entryRef;
    private final String reasonCode;
    private final String payload;

    /**
     * @param entryRef   where the entry is in its input ("line 17", "Stmt 1 / Ntry 3")
     * @param reasonCode a stable code ({@code AMOUNT_INVALID}, {@code DATE_INVALID}, ...)
     * @param reason     a sentence for people
     * @param payload    the entry as it was read, or null
     */
    public RejectedEntryException(String entryRef, String reasonCode, String reason, String payload) {
        super(entryRef + ": " + reason);
        this.entryRef = entryRef;
        this.reasonCode = reasonCode;
        this.payload = payload;
    }

    public String entryRef() {
        return entryRef;
    }

    public String reasonCode() {
        return reasonCode;
    }

    public String reason() {
        return getMessage().substring(entryRef.length() + 2);
    }

    public String payload() {
        return payload;
    }
}
