package com.meridian.ingest.imports.internal;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.infrastructure.item.ExecutionContext;

import com.meridian.ingest.jobs.JobProgress;

/**
 * Splits a large upload into contiguous ranges of entry ordinals, one per partition of the stage step: partition
 * {@code i} takes the entries from its start ({@value StatementFileReader#CONSUMED}) up to, not including, its
 * end ({@value StatementFileReader#END}). The ranges cover {@code 0 .. entries} exactly once, in file order.
 *
 * <p>Why ranges of entries and not of bytes: an entry's position, its reference for people ("line 1234") and,
 * on the {@link WritePath#DIRECT} path, its occurrence index are all counted from the start of the file. A reader
 * dropped at a byte offset knows none of them, and cannot even find a record start there without parsing from
 * the start (a quoted CSV field may hold line breaks; MT940, camt and zip have no such resync points at all).
 * So every partition parses from the start, past the entries before its range, exactly as a restarted import
 * parses past its committed entries ({@link StatementFileReader#open}, which on the direct path also counts
 * their occurrences again, {@link ReadAheadReader}): a partition is a restart that stops early. Positions,
 * references and occurrence indexes come out as on one thread, in every format, and the restart of a failed
 * partition is the restart the kill -9 test already proves. The price is parsing the file's head again: with
 * {@code n} partitions, {@code (n - 1) / 2} extra parses, small beside categorizing and writing while {@code n}
 * stays near the number of cores.
 */
public class EntryRangePartitioner implements Partitioner {

    /** Key, in the job's execution context, of the upload's entry count; set only when the upload is partitioned. */
    public static final String ENTRIES = "import.entries";

    private final long entries;

    public EntryRangePartitioner(long entries) {
        this.entries = entries;
    }

    /**
     * {@code gridSize} ranges of nearly equal length (fewer when the upload has fewer entries; one, empty, when
     * it has none). The result depends on the entry count and the grid size only, so the names of a restarted
     * step's partitions are the ones it had before (Batch keeps the first grid size of a step for its restarts).
     */
    @Override
    public Map<String, ExecutionContext> partition(int gridSize) {
        int count = (int) Math.max(1, Math.min(gridSize, entries));
        long length = entries / count;
        long longer = entries % count;
        Map<String, ExecutionContext> partitions = new LinkedHashMap<>();
        long start = 0;
        for (int i = 0; i < count; i++) {
            long end = start + length + (i < longer ? 1 : 0);
            ExecutionContext context = new ExecutionContext();
            context.putLong(StatementFileReader.CONSUMED, start);
            context.putLong(StatementFileReader.END, end);
            partitions.put(String.format("entries-%03d", i), context);
            start = end;
        }
        return partitions;
    }

    /** How far the partitions of an upload have got, for {@link JobProgress}: in entries, from their contexts. */
    public static final class Positions implements JobProgress.PartitionPositions {

        @Override
        public long total(JobExecution job) {
            return job.getExecutionContext().getLong(ENTRIES, 0L);
        }

        @Override
        public long remaining(ExecutionContext partition) {
            return partition.getLong(StatementFileReader.END, 0L) - partition.getLong(StatementFileReader.CONSUMED, 0L);
        }
    }
}
