package com.meridian.ingest.imports.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamException;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

import com.meridian.categorizer.CategorizationInput;
import com.meridian.categorizer.CategoryDecision;
import com.meridian.categorizer.TransactionCategorizer;
import com.meridian.ingest.imports.StatementEntry;
import com.meridian.ingest.imports.UnreadableStatementException;
import com.meridian.ingest.jobs.ProgressSource;
import com.meridian.ingest.jobs.RejectedEntryException;
import com.meridian.ingest.jobs.RejectedEntryRecorder;
import com.meridian.tenancy.TenantId;

/**
 * Parses, checks, counts and categorizes the upload on a thread of its own, a bounded queue ahead of the step,
 * so that the CPU work of one chunk overlaps PostgreSQL writing the one before (on two cores this is most of
 * an import's speed). Everything with side effects stays on the step's thread and inside its transactions:
 * rejected entries are handed to the step in file order and recorded there, and the saved reading position is
 * the count of entries handed to the step, never of those parsed ahead. A restart parses past the committed
 * entries again and, on the {@link WritePath#DIRECT} path, counts their occurrences again.
 */
public class ReadAheadReader implements ItemStreamReader<PreparedEntry>, ProgressSource {

    private final StatementFileReader file;
    private final StatementEntryProcessor checks;
    private final Occurrences occurrences;
    private final TransactionCategorizer categorizer;
    private final TenantId tenant;
    private final RejectedEntryRecorder recorder;
    private final int batchSize;
    private final BlockingQueue<Slot> queue;
    private Thread worker;
    private volatile boolean stopped;
    private boolean ended;
    private long handedOut;

    /** What the worker hands over, in file order. */
    private sealed interface Slot {
    }

    private record Prepared(PreparedEntry entry, long consumed) implements Slot {
    }

    private record Unparsable(RejectedEntryException refusal, long consumed) implements Slot {
    }

    private record Failed(RuntimeException failure, String where) implements Slot {
    }

    private record End() implements Slot {
    }

    /**
     * @param occurrences counts occurrence indexes ({@link WritePath#DIRECT}), or null when the merge ranks them
     * @param batchSize   entries categorized per call
     * @param chunkSize   entries the step takes per chunk: the queue holds a chunk and two batches, so the next
     *                    chunk is ready when the step comes back from writing one
     */
    public ReadAheadReader(StatementFileReader file, StatementEntryProcessor checks, Occurrences occurrences,
            TransactionCategorizer categorizer, TenantId tenant, RejectedEntryRecorder recorder, int batchSize,
            int chunkSize) {
        this.file = file;
        this.checks = checks;
        this.occurrences = occurrences;
        this.categorizer = categorizer;
        this.tenant = tenant;
        this.recorder = recorder;
        this.batchSize = batchSize;
        this.queue = new ArrayBlockingQueue<>(chunkSize + 2 * batchSize + 2);
    }

    @Override
    public void open(ExecutionContext context) {
        if (worker != null) {
            throw new IllegalStateException("the reader is open already: two workers would share one file");
        }
        Consumer<StatementEntry> recount = occurrences == null ? entry -> {
        } : this::recount;
        file.open(context, recount);
        handedOut = file.consumed();
        worker = new Thread(this::produce, "import-read-ahead");
        worker.setDaemon(true);
        worker.start();
    }

    @Override
    public PreparedEntry read() {
        if (ended) {
            return null;
        }
        Slot slot = take();
        if (slot instanceof Prepared prepared) {
            handedOut = prepared.consumed();
            return prepared.entry();
        }
        if (slot instanceof Unparsable unparsable) {
            handedOut = unparsable.consumed();
            throw unparsable.refusal();
        }
        ended = true;
        if (slot instanceof Failed failed) {
            if (failed.failure() instanceof UnreadableStatementException unreadable) {
                recorder.recordUnreadable(failed.where(), unreadable.reasonCode(), unreadable.getMessage());
            }
            throw failed.failure();
        }
        return null;
    }

    @Override
    public void update(ExecutionContext context) {
        context.putLong(StatementFileReader.CONSUMED, handedOut);
    }

    @Override
    public void close() {
        stopped = true;
        if (worker != null) {
            queue.clear();
            try {
                worker.join(TimeUnit.SECONDS.toMillis(30));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            worker = null;
        }
        file.close();
    }

    @Override
    public long position() {
        return file.position();
    }

    @Override
    public long resumedAt() {
        return file.resumedAt();
    }

    @Override
    public long total() {
        return file.total();
    }

    /**
     * The next slot. The worker always hands over an end or a failure before it stops, unless the reader was
     * closed; should it die without one all the same, the step fails instead of waiting for ever.
     */
    private Slot take() {
        try {
            while (true) {
                Slot slot = queue.poll(1, TimeUnit.SECONDS);
                if (slot != null) {
                    return slot;
                }
                if (!worker.isAlive() && queue.isEmpty()) {
                    throw new IllegalStateException("reading ahead stopped without a result after entry " + handedOut);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ItemStreamException("interrupted while waiting for the next entry", e);
        }
    }

    /**
     * Reads, checks and categorizes until the end of the upload, the first failure, or until the reader is
     * closed. Only {@link #close()} stops it: an interrupt from anywhere else (a library restoring a flag it
     * caught) must not end it without a word.
     */
    private void produce() {
        try {
            boolean more = true;
            while (more && !stopped) {
                List<Slot> batch = new ArrayList<>(batchSize + 1);
                more = readBatch(batch);
                for (Slot slot : categorized(batch)) {
                    handOver(slot);
                }
            }
        } catch (Throwable e) {
            // the categorizer failed: the step fails with it when it reaches this point
            RuntimeException failure = e instanceof RuntimeException runtime ? runtime
                    : new IllegalStateException("reading ahead failed", e);
            handOver(new Failed(failure, file.whereNow()));
        }
    }

    /** Puts a slot in the queue once there is room, until the reader is closed. */
    private void handOver(Slot slot) {
        while (!stopped) {
            try {
                if (queue.offer(slot, 100, TimeUnit.MILLISECONDS)) {
                    return;
                }
            } catch (InterruptedException e) {
                // not a stop: only close() stops the worker, through the flag
            }
        }
    }

    /** Reads up to a batch into {@code batch}; false once the upload ended or cannot be read on. */
    private boolean readBatch(List<Slot> batch) {
        while (batch.size() < batchSize) {
            StatementEntry entry;
            try {
                entry = file.readEntry();
            } catch (RejectedEntryException e) {
                batch.add(new Unparsable(e, file.consumed()));
                continue;
            } catch (RuntimeException e) {
                batch.add(new Failed(e, file.whereNow()));
                return false;
            }
            if (entry == null) {
                batch.add(new End());
                return false;
            }
            try {
                batch.add(new Prepared(prepare(entry), file.consumed()));
            } catch (RejectedEntryException e) {
                batch.add(new Prepared(PreparedEntry.refused(e), file.consumed()));
            } catch (RuntimeException e) {
                batch.add(new Failed(e, file.whereNow()));
                return false;
            }
        }
        return true;
    }

    /** An entry committed by an earlier execution: counted again, not handed on. */
    private void recount(StatementEntry entry) {
        try {
            prepare(entry);
        } catch (RejectedEntryException e) {
            // refused then too, and counted nowhere
        }
    }

    private PreparedEntry prepare(StatementEntry entry) {
        StagedEntry staged = checks.process(entry);
        return new PreparedEntry(staged, occurrences == null ? 0 : occurrences.next(staged), null, null, null);
    }

    /** The batch with a category decision on every accepted entry, from one call to the categorizer. */
    private List<Slot> categorized(List<Slot> batch) {
        List<CategorizationInput> inputs = new ArrayList<>(batch.size());
        for (Slot slot : batch) {
            if (slot instanceof Prepared prepared && prepared.entry().refusal() == null) {
                inputs.add(input(prepared.entry().staged()));
            }
        }
        if (inputs.isEmpty()) {
            return batch;
        }
        List<CategoryDecision> decisions = categorizer.categorize(tenant, inputs);
        List<Slot> result = new ArrayList<>(batch.size());
        int next = 0;
        for (Slot slot : batch) {
            if (slot instanceof Prepared prepared && prepared.entry().refusal() == null) {
                result.add(new Prepared(prepared.entry().categorized(decisions.get(next++)), prepared.consumed()));
            } else {
                result.add(slot);
            }
        }
        return result;
    }

    private static CategorizationInput input(StagedEntry staged) {
        StatementEntry entry = staged.entry();
        return new CategorizationInput(staged.accountId(), entry.description(), null, entry.counterpartyName(),
                entry.amount(), entry.currency(), null, entry.bankTransactionCode());
    }
}
