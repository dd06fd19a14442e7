package com.meridian.ingest.imports.internal;

import java.util.UUID;

import com.meridian.ingest.imports.StatementEntry;

/** A checked entry, ready for the staging area: the account it belongs to and its fingerprint. */
public record StagedEntry(StatementEntry entry, UUID accountId, String fingerprint) {

    @Override
    public String toString() {
        return entry.entryRef();
    }
}
