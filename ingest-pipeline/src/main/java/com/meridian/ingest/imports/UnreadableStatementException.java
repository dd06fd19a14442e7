package com.meridian.ingest.imports;

/** A statement file that cannot be read at all: unknown format, wrong syntax, truncated. The import fails. */
public class UnreadableStatementException extends RuntimeException {

    private final String reasonCode;

    public UnreadableStatementException(String reasonCode, String message, Throwable cause) {
        super(message, cause);
        this.reasonCode = reasonCode;
    }

    public String reasonCode() {
        return reasonCode;
    }
}
