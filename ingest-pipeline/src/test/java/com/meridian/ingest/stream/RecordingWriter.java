package com.meridian.ingest.stream;

import java.util.ArrayList;
import java.util.List;

import com.meridian.ingest.stream.internal.Ingested;
import com.meridian.ingest.stream.internal.UsageTotal;
import com.meridian.schemas.events.DeadLetter;

/** Keeps the batches the persistence stage hands over, for topology tests (the JDBC writer is tested in the IT). */
final class RecordingWriter implements PipelineWriter {

    final List<List<Ingested>> transactions = new ArrayList<>();
    final List<List<UsageTotal>> usage = new ArrayList<>();
    final List<List<DeadLetter>> deadLetters = new ArrayList<>();

    @Override
    public void writeTransactions(List<Ingested> batch) {
        transactions.add(batch);
    }

    @Override
    public void writeUsage(List<UsageTotal> batch) {
        usage.add(batch);
    }

    @Override
    public void writeDeadLetters(List<DeadLetter> batch) {
        deadLetters.add(batch);
    }
}
