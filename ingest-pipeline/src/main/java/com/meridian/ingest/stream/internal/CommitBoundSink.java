package com.meridian.ingest.stream.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.processor.StateStoreContext;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.internals.CacheFlushListener;
import org.apache.kafka.streams.state.internals.CachedStateStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A write buffer to an external system that Kafka Streams flushes as part of every commit: rows put during
 * processing are written in one batch right before the task commits its offsets and state (with
 * {@code exactly_once_v2}, before the Kafka transaction commits).
 *
 * <p>The hook: Kafka Streams calls {@code flushCache()} of every {@link CachedStateStore} in each task's
 * {@code prepareCommit}, on every commit (that is how cached KTables forward their updates before a commit), whereas
 * {@code flush()} runs only when it checkpoints. {@code CachedStateStore} is an internal interface of Kafka
 * Streams; {@code CommitBoundSinkTest} and {@code TransactionPipelineIT} fail if a new version stops calling it.
 *
 * <p>The sinks of one stream thread form a group ({@link CommitGroups}) and are written together, in one transaction
 * per commit.
 *
 * <p>Why this is exactly-once for idempotent writes: if the batch fails, the task fails before committing and its
 * input is processed again; if the batch succeeds but the commit does not, the input is processed again from the
 * restored state and the same rows are written again, which an upsert of absolute values absorbs. A task closed
 * after a crash drops its buffer unwritten (its input is processed again). Only the last row per key is kept.
 *
 * @param <K> the row's natural key
 * @param <V> the row
 */
public final class CommitBoundSink<K, V> implements StateStore, CachedStateStore<Object, Object> {

    private static final Logger log = LoggerFactory.getLogger(CommitBoundSink.class);

    private final String name;
    private final Consumer<List<V>> writer;
    private final CommitGroups groups;
    private final Map<K, V> pending = new LinkedHashMap<>();
    private CommitGroups.Group group;
    private boolean open;

    CommitBoundSink(String name, Consumer<List<V>> writer, CommitGroups groups) {
        this.name = name;
        this.writer = writer;
        this.groups = groups;
    }

    /**
     * A builder of this store for {@code StreamsBuilder.addStateStore}; it has no changelog. Its rows are written
     * by {@code writer}, together with the other sinks of {@code groups} on the same stream thread.
     */
    public static <K, V> StoreBuilder<CommitBoundSink<K, V>> builder(String name, Consumer<List<V>> writer,
            CommitGroups groups) {
        return new Builder<>(name, writer, groups);
    }

    /** Buffers {@code row} under {@code key}, replacing an earlier row of the same key. */
    public void put(K key, V row) {
        if (group == null) {
            group = groups.join(this); // on the stream thread that processes this task
        }
        synchronized (group) {
            pending.remove(key); // keeps the write order of the latest rows
            pending.put(key, row);
        }
    }

    /** The write of the rows buffered so far, or null when there are none; called by the group. */
    Runnable pendingWrite() {
        if (pending.isEmpty()) {
            return null;
        }
        List<V> rows = new ArrayList<>(pending.values());
        log.debug("Writing {} rows of {}", rows.size(), name);
        return () -> writer.accept(rows);
    }

    /** The group's transaction committed: what was pending is written. */
    void written() {
        pending.clear();
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void init(StateStoreContext context, StateStore root) {
        context.register(root, (key, value) -> {
            // nothing to restore: the buffer never outlives a commit
        });
        open = true;
    }

    @Override
    public void flushCache() {
        if (group != null) {
            group.flush();
        }
    }

    @Override
    public void flush() {
        flushCache();
    }

    @Override
    public boolean setFlushListener(CacheFlushListener<Object, Object> listener, boolean sendOldValues) {
        return false; // nothing is forwarded: the rows leave through the writer
    }

    @Override
    public void clearCache() {
        dropPending(); // a task closed dirty: its input is processed again
    }

    @Override
    public void close() {
        // an orderly close has flushed; after a crash the unwritten rows are re-derived from the replayed input
        dropPending();
        if (group != null) {
            group.leave(this);
            group = null;
        }
        open = false;
    }

    private void dropPending() {
        if (group == null) {
            pending.clear();
            return;
        }
        synchronized (group) {
            pending.clear();
        }
    }

    @Override
    public boolean persistent() {
        return false;
    }

    @Override
    public boolean isOpen() {
        return open;
    }

    private record Builder<K, V>(String name, Consumer<List<V>> writer, CommitGroups groups)
            implements StoreBuilder<CommitBoundSink<K, V>> {

        @Override
        public StoreBuilder<CommitBoundSink<K, V>> withCachingEnabled() {
            return this;
        }

        @Override
        public StoreBuilder<CommitBoundSink<K, V>> withCachingDisabled() {
            return this;
        }

        @Override
        public StoreBuilder<CommitBoundSink<K, V>> withLoggingEnabled(Map<String, String> config) {
            throw new UnsupportedOperationException("a commit-bound sink has no changelog");
        }

        @Override
        public StoreBuilder<CommitBoundSink<K, V>> withLoggingDisabled() {
            return this;
        }

        @Override
        public CommitBoundSink<K, V> build() {
            return new CommitBoundSink<>(name, writer, groups);
        }

        @Override
        public Map<String, String> logConfig() {
            return Collections.emptyMap();
        }

        @Override
        public boolean loggingEnabled() {
            return false;
        }
    }
}
