package com.meridian.ingest.imports.schedule;

/** A schedule that cannot be created as asked: a bad cron, time zone, directory, account or CSV profile. */
public class InvalidImportScheduleException extends RuntimeException {

    public InvalidImportScheduleException(String message) {
        super(message);
    }
}
