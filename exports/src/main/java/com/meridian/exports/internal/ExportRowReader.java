package com.meridian.exports.internal;

import java.io.IOException;
import java.util.List;

import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamException;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

import com.meridian.ingest.jobs.ProgressSource;

/**
 * Hands the export's rows to Batch a whole page at a time: the page is Batch's item, so the chunk machinery
 * (observations, listeners, counters) runs once per page rather than once per row, which cost about as much as
 * Parquet's own encoding. {@link PageRowCounts} turns Batch's counts back into rows.
 *
 * <p>As an item stream it carries the run's checkpoint: after every chunk the files closed so far go into the
 * step's execution context, and a restarted step opens the run from there, so it reads on after the last closed
 * file instead of from the start. The update after the chunk in which the rows ran out (Batch makes one after
 * every chunk, the last and empty one included, once its rows are written) closes the last file and leaves the
 * description of every file under {@link ExportCheckpoint#ALL_ROWS_WRITTEN}, from where the step's promotion
 * listener hands it to the publish step, in this execution or a restarted one.
 */
public class ExportRowReader implements ItemStreamReader<List<Object[]>>, ProgressSource {

    private final ExportRun run;
    private long resumedAt;
    private long position;
    private boolean ended;
    private boolean finished;

    public ExportRowReader(ExportRun run) {
        this.run = run;
    }

    @Override
    public void open(ExecutionContext context) {
        try {
            resumedAt = run.open(context.getString(ExportCheckpoint.ROWS_CHECKPOINT, null));
            position = resumedAt;
        } catch (IOException e) {
            throw new ItemStreamException("cannot prepare the staging folder " + run.staging(), e);
        }
    }

    @Override
    public void update(ExecutionContext context) {
        if (ended && !finished) {
            try {
                context.putString(ExportCheckpoint.ALL_ROWS_WRITTEN, run.finishRows());
            } catch (IOException e) {
                throw new ItemStreamException("cannot close the last file of export " + run.exportId(), e);
            }
            finished = true;
            return;
        }
        String checkpoint = run.checkpoint();
        if (checkpoint != null) {
            context.putString(ExportCheckpoint.ROWS_CHECKPOINT, checkpoint);
        }
    }

    /** The next page of rows, never empty; null when there are no more. */
    @Override
    public List<Object[]> read() {
        List<Object[]> page = run.source().nextPage();
        if (page.isEmpty()) {
            ended = true;
            return null;
        }
        position += page.size();
        return page;
    }

    /** Rows read so far, including those a restarted step kept. */
    @Override
    public long position() {
        return position;
    }

    @Override
    public long resumedAt() {
        return resumedAt;
    }

    @Override
    public long total() {
        return run.source().total();
    }
}
