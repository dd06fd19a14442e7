package com.meridian.ingest.imports.internal;

import org.springframework.batch.infrastructure.item.ItemProcessor;

/**
 * The step's processor: the checks already ran while reading ahead ({@link ReadAheadReader}); an entry they
 * refused is refused here, so the skip policy counts it and the skip is recorded at the process stage.
 */
public class PreparedEntryCheck implements ItemProcessor<PreparedEntry, PreparedEntry> {

    @Override
    public PreparedEntry process(PreparedEntry entry) {
        if (entry.refusal() != null) {
            throw entry.refusal();
        }
        return entry;
    }
}
