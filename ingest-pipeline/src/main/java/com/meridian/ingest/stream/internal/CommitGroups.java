package com.meridian.ingest.stream.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * The {@link CommitBoundSink}s of one stream thread, written together: the first sink a commit flushes writes the
 * pending rows of every sink of its thread in one database transaction, so a commit costs one transaction rather
 * than one per task and table (a thread owning twelve tasks would otherwise open dozens per commit).
 *
 * <p>Why this keeps the sinks' guarantee: all tasks of a stream thread commit in one Kafka transaction
 * ({@code exactly_once_v2}), and every row is still written before the commit that covers it. A row written early
 * for a task that then fails is written again, the same, when its input is processed again.
 */
public final class CommitGroups {

    private final Consumer<Runnable> transaction;
    private final Map<Thread, Group> byThread = new ConcurrentHashMap<>();

    /** @param transaction runs the writes it is given in one transaction */
    public CommitGroups(Consumer<Runnable> transaction) {
        this.transaction = transaction;
    }

    /** The group of the calling thread, which the sink joins. */
    Group join(CommitBoundSink<?, ?> sink) {
        Group group = byThread.computeIfAbsent(Thread.currentThread(), thread -> new Group(thread));
        group.add(sink);
        return group;
    }

    /** The sinks one stream thread buffers rows in; guarded by its own monitor. */
    final class Group {

        private final Thread thread;
        private final List<CommitBoundSink<?, ?>> members = new ArrayList<>();

        private Group(Thread thread) {
            this.thread = thread;
        }

        private synchronized void add(CommitBoundSink<?, ?> sink) {
            members.add(sink);
        }

        synchronized void leave(CommitBoundSink<?, ?> sink) {
            members.remove(sink);
            if (members.isEmpty()) {
                byThread.remove(thread, this);
            }
        }

        /** Writes every member's pending rows in one transaction; they are dropped only once it committed. */
        synchronized void flush() {
            List<Runnable> writes = new ArrayList<>();
            for (CommitBoundSink<?, ?> member : members) {
                Runnable write = member.pendingWrite();
                if (write != null) {
                    writes.add(write);
                }
            }
            if (writes.isEmpty()) {
                return;
            }
            transaction.accept(() -> writes.forEach(Runnable::run));
            members.forEach(CommitBoundSink::written);
        }
    }
}
