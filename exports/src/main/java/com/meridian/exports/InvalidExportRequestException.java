package com.meridian.exports;

/** An export request that cannot be honoured as asked; the message says what to change. */
public class InvalidExportRequestException extends IllegalArgumentException {

    public InvalidExportRequestException(String message) {
        super(message);
    }
}
