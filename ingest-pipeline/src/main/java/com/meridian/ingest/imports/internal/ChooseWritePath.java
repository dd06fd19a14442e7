package com.meridian.ingest.imports.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

import com.meridian.ingest.imports.StatementEntry;
import com.meridian.ingest.imports.UnreadableStatementException;
import com.meridian.ingest.imports.csv.CsvProfile;
import com.meridian.ingest.jobs.RejectedEntryException;

/**
 * Reads the upload once, parsing only, and puts the {@link WritePath} it qualifies for into the job's execution
 * context (a restarted job keeps it). A file that cannot be read is left to the staged path, whose step reports
 * it with the reason; reading stops as soon as the answer is {@link WritePath#STAGED}, unless the file is large
 * enough to be staged in partitions: then it is read to the end, and the number of its entries (rejected ones
 * included) goes into the context too ({@link EntryRangePartitioner#ENTRIES}), which sends the job through the
 * partitioned stage. Only a file read to its end without an {@link UnreadableStatementException} is partitioned,
 * so a broken file is reported once, by the single-threaded stage, with its position.
 */
public class ChooseWritePath implements Tasklet {

    private static final Logger log = LoggerFactory.getLogger(ChooseWritePath.class);

    private final Path file;
    private final CsvProfile profile;
    private final boolean accountGiven;
    private final PendingFileBookings pending;
    private final long partitionThreshold;

    /** Whether the tenant has bookings from earlier files that are still pending (final ones would replace them). */
    public interface PendingFileBookings {
        boolean exist();
    }

    /** @param partitionThreshold files of at least this many bytes are staged in partitions */
    public ChooseWritePath(Path file, CsvProfile profile, boolean accountGiven, PendingFileBookings pending,
            long partitionThreshold) {
        this.file = file;
        this.profile = profile;
        this.accountGiven = accountGiven;
        this.pending = pending;
        this.partitionThreshold = partitionThreshold;
    }

    /** What the plan found: the write path, and the number of entries when the upload is staged in partitions. */
    record Plan(WritePath path, Long partitionedEntries) {
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        Plan plan = choose();
        ExecutionContext job = chunkContext.getStepContext().getStepExecution().getJobExecution().getExecutionContext();
        job.putString(WritePath.CONTEXT_KEY, plan.path().name());
        if (plan.partitionedEntries() != null) {
            job.putLong(EntryRangePartitioner.ENTRIES, plan.partitionedEntries());
            log.info("{}: written through the {} path, {} entries staged in partitions", file.getFileName(),
                    plan.path(), plan.partitionedEntries());
        } else {
            log.info("{}: written through the {} path", file.getFileName(), plan.path());
        }
        return RepeatStatus.FINISHED;
    }

    Plan choose() {
        WritePath.Choice choice = new WritePath.Choice(accountGiven);
        StatementFileReader reader = new StatementFileReader(file, profile, null);
        try {
            boolean partitioned = Files.size(file) >= partitionThreshold;
            reader.open(new ExecutionContext());
            while (partitioned || !choice.decided()) {
                StatementEntry entry;
                try {
                    entry = reader.readEntry();
                } catch (RejectedEntryException e) {
                    continue; // refused on every path
                }
                if (entry == null) {
                    break;
                }
                choice.observe(entry);
            }
            WritePath path = choice.path() == WritePath.DIRECT && pending.exist() ? WritePath.STAGED : choice.path();
            return new Plan(path, partitioned ? reader.consumed() : null);
        } catch (UnreadableStatementException | UncheckedIOException | IOException e) {
            return new Plan(WritePath.STAGED, null);
        } finally {
            reader.close();
        }
    }
}
