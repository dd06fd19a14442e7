package com.meridian.exports.internal;

import java.util.List;

import org.springframework.batch.core.listener.ItemReadListener;
import org.springframework.batch.core.listener.ItemWriteListener;
import org.springframework.batch.core.scope.context.StepSynchronizationManager;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;

/**
 * Keeps the read and write counts of a step whose items are pages of rows in rows, so that the job run's progress
 * (items read and written, rate, estimate), the {@code meridian.job.items} counters and Batch's own step execution
 * all speak of rows, as they did when each row was an item.
 *
 * <p>Batch counts one per page in the chunk's contribution and adds that to the step execution when the chunk
 * ends; this adds the rest of each page ({@code size - 1}) to the step execution as soon as the page is read or
 * written, so that once a chunk has ended the counts are exact. (A progress report made inside a chunk, before
 * Batch adds its share, is one row short per page of that chunk.)
 */
public final class PageRowCounts implements ItemReadListener<List<Object[]>>, ItemWriteListener<List<Object[]>> {

    @Override
    public void afterRead(List<Object[]> page) {
        StepExecution step = currentStep();
        step.setReadCount(step.getReadCount() + page.size() - 1);
    }

    @Override
    public void afterWrite(Chunk<? extends List<Object[]>> pages) {
        long rows = 0;
        for (List<Object[]> page : pages) {
            rows += page.size();
        }
        StepExecution step = currentStep();
        step.setWriteCount(step.getWriteCount() + rows - pages.size());
    }

    /** The execution this thread works for: the step bean, and so this listener, serve concurrent exports. */
    private static StepExecution currentStep() {
        return StepSynchronizationManager.getContext().getStepExecution();
    }
}
