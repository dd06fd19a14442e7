package com.meridian.ingest.imports.internal;

import com.meridian.categorizer.CategoryDecision;
import com.meridian.ingest.jobs.RejectedEntryException;

/**
 * An entry read ahead of the step: checked, counted and categorized, or refused by the checks with the reason
 * (handed on so that the step's processor refuses it in its place, and the skip is recorded as the check's).
 *
 * @param occurrence the entry's occurrence index in the upload (counted only on the {@link WritePath#DIRECT} path)
 * @param row        the texts of its table columns, once categorized ({@link EntryColumns})
 */
public record PreparedEntry(StagedEntry staged, int occurrence, CategoryDecision decision, RejectedEntryException refusal,
        String[] row) {

    static PreparedEntry refused(RejectedEntryException refusal) {
        return new PreparedEntry(null, 0, null, refusal, null);
    }

    PreparedEntry categorized(CategoryDecision categoryDecision) {
        return new PreparedEntry(staged, occurrence, categoryDecision, null,
                EntryColumns.row(staged, occurrence, categoryDecision));
    }

    @Override
    public String toString() {
        return refusal != null ? refusal.entryRef() : staged.toString();
    }
}
