package com.meridian.exports.internal;

import java.util.List;

import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;

/** Appends each chunk of pages, row by row, to the export's open partition files. */
public class ExportRowWriter implements ItemWriter<List<Object[]>> {

    private final PartitionedExportWriter writer;

    public ExportRowWriter(PartitionedExportWriter writer) {
        this.writer = writer;
    }

    @Override
    public void write(Chunk<? extends List<Object[]>> chunk) throws Exception {
        for (List<Object[]> page : chunk) {
            for (Object[] row : page) {
                writer.write(row);
            }
        }
    }
}
