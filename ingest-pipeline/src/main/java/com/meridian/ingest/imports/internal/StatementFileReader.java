package com.meridian.ingest.imports.internal;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamException;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

import com.meridian.ingest.imports.StatementEntry;
import com.meridian.ingest.imports.StatementParser;
import com.meridian.ingest.imports.UnreadableStatementException;
import com.meridian.ingest.imports.csv.CsvProfile;
import com.meridian.ingest.jobs.ProgressSource;
import com.meridian.ingest.jobs.RejectedEntryException;
import com.meridian.ingest.jobs.RejectedEntryRecorder;

/**
 * Reads the entries of an uploaded statement file, or of every statement in a zip of them, in file order. Every
 * entry gets its ordinal in the upload as position, rejected ones included. The number of entries taken is saved
 * with each chunk; a restarted import parses past that many again (parsing is deterministic) and continues, so
 * memory stays constant and no entry is read twice into the staging area. A partition of the upload
 * ({@link EntryRangePartitioner}) is read the same way: its context says how many entries to parse past first,
 * and where to stop ({@value #END}).
 */
public class StatementFileReader implements ItemStreamReader<StatementEntry>, ProgressSource {

    static final String CONSUMED = "statement.entries.consumed";
    /** The ordinal of the first entry not to read (a partition's end); the whole upload without it. */
    static final String END = "statement.entries.end";

    private final Path file;
    private final CsvProfile profile;
    private final RejectedEntryRecorder recorder;
    private CountingInputStream counting;
    private BufferedInputStream input;
    private ZipInputStream zip;
    private boolean singleDocumentRead;
    private StatementParser parser;
    private long consumed;
    private long end = Long.MAX_VALUE;
    private long resumedAt;
    private long size;

    public StatementFileReader(Path file, CsvProfile profile, RejectedEntryRecorder recorder) {
        this.file = file;
        this.profile = profile;
        this.recorder = recorder;
    }

    @Override
    public void open(ExecutionContext context) {
        open(context, entry -> {
        });
    }

    /**
     * Opens the file and parses past the entries earlier executions committed, handing each one to
     * {@code replayed} (a reader that counts something over the entries rebuilds its count from them).
     */
    public void open(ExecutionContext context, Consumer<StatementEntry> replayed) {
        try {
            size = Files.size(file);
            counting = new CountingInputStream(Files.newInputStream(file));
            input = StatementParsers.buffered(counting);
            zip = StatementParsers.isZip(input) ? new ZipInputStream(input) : null;
        } catch (IOException e) {
            throw new ItemStreamException("cannot open " + file, e);
        }
        long done = context.getLong(CONSUMED, 0L);
        end = context.getLong(END, Long.MAX_VALUE);
        while (consumed < done && skipOne(replayed)) {
            // parsing past what earlier executions committed
        }
        resumedAt = counting.count();
    }

    @Override
    public StatementEntry read() {
        try {
            return readEntry();
        } catch (UnreadableStatementException e) {
            recorder.recordUnreadable(whereNow(), e.reasonCode(), e.getMessage());
            throw e;
        }
    }

    /**
     * The next entry, or null at the end, without recording anything: a broken entry is a
     * {@link RejectedEntryException}, a file that cannot be read on an {@link UnreadableStatementException}.
     */
    public StatementEntry readEntry() {
        return next();
    }

    /** Entries taken so far, rejected ones included: the position the next one gets. */
    public long consumed() {
        return consumed;
    }

    /** Where reading stands, for people: the file as a whole, or after which entry. */
    public String whereNow() {
        return consumed == 0 ? "file" : "after entry " + consumed;
    }

    @Override
    public void update(ExecutionContext context) {
        context.putLong(CONSUMED, consumed);
    }

    @Override
    public void close() {
        try {
            closeParser();
            if (input != null) {
                input.close();
            }
        } catch (IOException e) {
            throw new ItemStreamException("cannot close " + file, e);
        }
    }

    @Override
    public long position() {
        return counting == null ? 0 : counting.count();
    }

    @Override
    public long resumedAt() {
        return resumedAt;
    }

    @Override
    public long total() {
        return size;
    }

    private boolean skipOne(Consumer<StatementEntry> replayed) {
        try {
            StatementEntry entry = next();
            if (entry == null) {
                return false;
            }
            replayed.accept(entry);
            return true;
        } catch (RejectedEntryException e) {
            return true;
        }
    }

    private StatementEntry next() {
        if (consumed >= end) {
            return null;
        }
        try {
            while (true) {
                if (parser == null && !openNextDocument()) {
                    return null;
                }
                StatementEntry entry = nextOfDocument();
                if (entry != null) {
                    return entry.at(consumed++);
                }
                closeParser();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private StatementEntry nextOfDocument() throws IOException {
        try {
            return parser.next();
        } catch (RejectedEntryException e) {
            // a rejected entry keeps its place, so positions stay the same on a restart
            consumed++;
            throw e;
        }
    }

    private boolean openNextDocument() throws IOException {
        if (zip == null) {
            if (singleDocumentRead) {
                return false;
            }
            singleDocumentRead = true;
            parser = StatementParsers.open(input, "", profile);
            return true;
        }
        ZipEntry entry;
        do {
            entry = zip.getNextEntry();
        } while (entry != null && entry.isDirectory());
        if (entry == null) {
            return false;
        }
        parser = StatementParsers.open(StatementParsers.buffered(new KeepOpen(zip)), entry.getName() + ": ", profile);
        return true;
    }

    private void closeParser() throws IOException {
        if (parser != null) {
            parser.close();
            parser = null;
        }
    }

    /** A zip entry's stream: closing a document's parser must not close the archive. */
    private static final class KeepOpen extends FilterInputStream {
        KeepOpen(ZipInputStream zip) {
            super(zip);
        }

        @Override
        public void close() {
        }
    }
}
