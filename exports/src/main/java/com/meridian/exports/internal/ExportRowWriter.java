package com.meridian.exports.internal;

import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;

/** Appends each chunk to the export's open partition files. */
public class ExportRowWriter implements ItemWriter<Object[]> {

    private final PartitionedExportWriter writer;

    public ExportRowWriter(PartitionedExportWriter writer) {
        this.writer = writer;
    }

    @Override
    public void write(Chunk<? extends Object[]> chunk) throws Exception {
        for (Object[] row : chunk) {
            writer.write(row);
        }
    }
}
