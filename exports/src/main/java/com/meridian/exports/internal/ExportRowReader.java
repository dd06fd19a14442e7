package com.meridian.exports.internal;

import java.util.Iterator;
import java.util.List;

import org.springframework.batch.infrastructure.item.ItemReader;

import com.meridian.ingest.jobs.ProgressSource;

/** Hands the export's rows to Batch one by one, fetching a page when the last one is used up. */
public class ExportRowReader implements ItemReader<Object[]>, ProgressSource {

    private final ExportSource source;
    private Iterator<Object[]> page = List.<Object[]>of().iterator();
    private long position;

    public ExportRowReader(ExportSource source) {
        this.source = source;
    }

    @Override
    public Object[] read() {
        if (!page.hasNext()) {
            page = source.nextPage().iterator();
        }
        if (!page.hasNext()) {
            return null;
        }
        position++;
        return page.next();
    }

    @Override
    public long position() {
        return position;
    }

    @Override
    public long resumedAt() {
        return 0;
    }

    @Override
    public long total() {
        return source.total();
    }
}
