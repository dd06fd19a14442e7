package com.meridian.ingest.imports.internal;

import java.time.LocalDate;
import java.util.Objects;

import com.meridian.ingest.imports.StatementEntry;

/**
 * How an import's entries reach {@code transactions}. {@link #DIRECT}: each chunk is inserted straight into
 * {@code transactions}, its occurrence indexes counted while reading ({@link Occurrences}); it needs an upload
 * whose occurrence indexes can be counted in constant memory and whose keys need no look at the whole upload: no
 * bank ids (an id's ambiguity is judged over the whole upload), no pending entries and none stored pending from
 * an earlier file (final bookings replace interim ones in the merge), one account, and booking dates that only go
 * forward or only go back. {@link #STAGED}: every other upload goes through {@code import_staging} and is merged
 * at the end, which ranks and checks over the whole upload in the database.
 */
public enum WritePath {
    DIRECT, STAGED;

    /** Key of the chosen path in the job's execution context. */
    public static final String CONTEXT_KEY = "import.writePath";

    /** The path saved in the job's execution context; a run started before the choice existed is staged. */
    public static WritePath of(String saved) {
        return saved == null ? STAGED : valueOf(saved);
    }

    /** The path an upload qualifies for, from its entries in file order. */
    public static final class Choice {

        private final boolean accountGiven;
        private boolean staged;
        private boolean firstEntry = true;
        private String accountIdentifier;
        private LocalDate lastDate;
        private int direction;

        /** @param accountGiven whether the upload names its account (then the file's identifiers do not matter) */
        public Choice(boolean accountGiven) {
            this.accountGiven = accountGiven;
        }

        public void observe(StatementEntry entry) {
            if (staged) {
                return;
            }
            staged = entry.sourceId() != null || entry.pending() || !oneAccount(entry) || !inDateOrder(entry.bookingDate());
        }

        /** True once the upload can only be staged: reading further changes nothing. */
        public boolean decided() {
            return staged;
        }

        public WritePath path() {
            return staged ? STAGED : DIRECT;
        }

        private boolean oneAccount(StatementEntry entry) {
            if (accountGiven) {
                return true;
            }
            if (firstEntry) {
                firstEntry = false;
                accountIdentifier = entry.accountIdentifier();
                return true;
            }
            return Objects.equals(accountIdentifier, entry.accountIdentifier());
        }

        private boolean inDateOrder(LocalDate date) {
            if (date == null) {
                return true; // rejected by the checks, so it has no occurrence to count
            }
            if (lastDate != null) {
                int step = Integer.signum(date.compareTo(lastDate));
                if (step != 0 && direction != 0 && step != direction) {
                    return false;
                }
                direction = direction == 0 ? step : direction;
            }
            lastDate = date;
            return true;
        }
    }
}
