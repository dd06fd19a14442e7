package com.meridian.ingest.imports.internal;

import java.io.UncheckedIOException;
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
 * it with the reason; reading stops as soon as the answer is {@link WritePath#STAGED}.
 */
public class ChooseWritePath implements Tasklet {

    private static final Logger log = LoggerFactory.getLogger(ChooseWritePath.class);

    private final Path file;
    private final CsvProfile profile;
    private final boolean accountGiven;
    private final PendingFileBookings pending;

    /** Whether the tenant has bookings from earlier files that are still pending (final ones would replace them). */
    public interface PendingFileBookings {
        boolean exist();
    }

    public ChooseWritePath(Path file, CsvProfile profile, boolean accountGiven, PendingFileBookings pending) {
        this.file = file;
        this.profile = profile;
        this.accountGiven = accountGiven;
        this.pending = pending;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        WritePath path = choose();
        chunkContext.getStepContext().getStepExecution().getJobExecution().getExecutionContext()
                .putString(WritePath.CONTEXT_KEY, path.name());
        log.info("{}: written through the {} path", file.getFileName(), path);
        return RepeatStatus.FINISHED;
    }

    WritePath choose() {
        WritePath.Choice choice = new WritePath.Choice(accountGiven);
        StatementFileReader reader = new StatementFileReader(file, profile, null);
        try {
            reader.open(new ExecutionContext());
            while (!choice.decided()) {
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
            return choice.path() == WritePath.DIRECT && pending.exist() ? WritePath.STAGED : choice.path();
        } catch (UnreadableStatementException | UncheckedIOException e) {
            return WritePath.STAGED;
        } finally {
            reader.close();
        }
    }
}
