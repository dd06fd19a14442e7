package com.meridian.ingest.imports.internal;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * The occurrence index of each accepted entry, counted in file order: how many earlier entries of the upload have
 * the same account and fingerprint. This is the rank the merge computes over a whole staged upload; for an upload
 * whose booking dates never go back and forth ({@link WritePath#DIRECT}), entries sharing a fingerprint (which
 * includes the booking date) are neighbours, so only the current day's counts are kept and memory does not grow
 * with the file.
 */
public final class Occurrences {

    private final Map<String, Integer> seenToday = new HashMap<>();
    private LocalDate day;
    private UUID account;

    /** The entry's occurrence index; call once per accepted entry, in file order. */
    public int next(StagedEntry staged) {
        LocalDate booked = staged.entry().bookingDate();
        if (!booked.equals(day) || !Objects.equals(staged.accountId(), account)) {
            seenToday.clear();
            day = booked;
            account = staged.accountId();
        }
        return seenToday.merge(staged.fingerprint(), 1, Integer::sum) - 1;
    }
}
