package com.meridian.api.feeds.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

import com.meridian.api.errors.ApiException;
import com.meridian.api.errors.ErrorCode;
import com.meridian.schemas.events.BankFeedTransaction;
import com.meridian.schemas.events.DeadLetter;
import com.meridian.schemas.topics.Topics;
import com.meridian.tenancy.TenantDatabase;
import com.meridian.tenancy.TenantId;

/**
 * Puts a push's records where they belong: accepted transactions on the bank-feed topic (keyed by account, so one
 * account stays in order), refused ones on the dead-letter topic and in {@code dead_letters}. It returns only when
 * the broker has acknowledged every record, so a 202 means durable; if the broker fails, the request fails and the
 * integration sends it again (the pipeline de-duplicates what was queued the first time).
 */
public final class FeedQueue {

    private static final Duration ACK_TIMEOUT = Duration.ofSeconds(15);

    private final Producer<byte[], byte[]> producer;
    private final TenantDatabase database;

    public FeedQueue(Producer<byte[], byte[]> producer, TenantDatabase database) {
        this.producer = producer;
        this.database = database;
    }

    /** Queues {@code accepted} and dead-letters {@code rejected}, waiting for the broker. */
    public void enqueue(TenantId tenant, List<BankFeedTransaction> accepted, List<DeadLetter> rejected) {
        List<Future<RecordMetadata>> acks = new ArrayList<>();
        for (BankFeedTransaction transaction : accepted) {
            acks.add(producer.send(new ProducerRecord<>(Topics.BANK_FEED_TRANSACTIONS.name(),
                    Topics.BANK_FEED_TRANSACTIONS.keySerde().serializer().serialize("", transaction.key()),
                    Topics.BANK_FEED_TRANSACTIONS.valueSerde().serializer().serialize("", transaction))));
        }
        for (DeadLetter letter : rejected) {
            acks.add(producer.send(new ProducerRecord<>(Topics.DEAD_LETTERS.name(),
                    Topics.DEAD_LETTERS.keySerde().serializer().serialize("", letter.key()),
                    Topics.DEAD_LETTERS.valueSerde().serializer().serialize("", letter))));
        }
        await(acks);
        if (!rejected.isEmpty()) {
            record(tenant, rejected);
        }
    }

    private void record(TenantId tenant, List<DeadLetter> rejected) {
        database.inTenantRun(tenant, jdbc -> rejected.forEach(letter -> jdbc.sql("""
                        insert into dead_letters (tenant_id, source, origin, entry_ref, stage, reason_code, reason,
                            payload, received_at)
                        values (?, 'api', ?, ?, ?, ?, ?, decode(?, 'base64'), ?)""")
                .param(tenant.value()).param(letter.sourceTopic()).param(String.valueOf(letter.sourceOffset()))
                .param(letter.stage()).param(letter.reasonCode()).param(letter.reasonMessage())
                .param(Base64.getEncoder().encodeToString(letter.originalValue()))
                .param(java.sql.Timestamp.from(letter.failedAt())).update()));
    }

    private static void await(List<Future<RecordMetadata>> acks) {
        long deadline = System.nanoTime() + ACK_TIMEOUT.toNanos();
        try {
            for (Future<RecordMetadata> ack : acks) {
                ack.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiException(ErrorCode.INTERNAL_ERROR, "interrupted while queueing the feed; send it again");
        } catch (ExecutionException | TimeoutException e) {
            throw new ApiException(ErrorCode.INTERNAL_ERROR, "the feed could not be queued; send it again");
        }
    }
}
