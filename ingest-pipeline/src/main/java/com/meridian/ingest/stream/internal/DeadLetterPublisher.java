package com.meridian.ingest.stream.internal;

import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.meridian.schemas.events.AccountKey;
import com.meridian.schemas.events.DeadLetter;
import com.meridian.schemas.topics.Topics;

import io.micrometer.core.instrument.Metrics;

/**
 * Writes the dead letters of Kafka Streams' exception handlers, which run outside the topology and so cannot use
 * its transactional producer: an idempotent producer of its own per bootstrap address, waiting for each write, so a
 * handler returns CONTINUE only once the letter is on the broker. If the task then fails before committing, the
 * record is handled again and a second letter with the same source position is written: at least once, and the
 * source position tells duplicates apart.
 */
public final class DeadLetterPublisher {

    private static final Logger log = LoggerFactory.getLogger(DeadLetterPublisher.class);

    private static final Map<Object, Producer<byte[], byte[]>> PRODUCERS = new ConcurrentHashMap<>();

    private final Producer<byte[], byte[]> producer;

    private DeadLetterPublisher(Producer<byte[], byte[]> producer) {
        this.producer = producer;
    }

    /** The publisher for the Streams application configured by {@code configs}. */
    public static DeadLetterPublisher of(Map<String, ?> configs) {
        Object bootstrap = configs.get(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG);
        return new DeadLetterPublisher(PRODUCERS.computeIfAbsent(bootstrap, DeadLetterPublisher::producer));
    }

    /** Publishes the dead letter of the record {@code context} describes and counts it. */
    public void publish(ErrorHandlerContext context, byte[] key, byte[] value, String reasonCode, String stage,
            Exception cause) {
        DeadLetter letter = new DeadLetter(1, tenantOf(key), context.topic(), Math.max(0, context.partition()),
                Math.max(0, context.offset()), key, value, reasonCode, describe(cause), stage, Instant.now());
        byte[] letterKey = Topics.DEAD_LETTERS.keySerde().serializer().serialize(Topics.DEAD_LETTERS.name(),
                letter.key());
        byte[] letterValue = Topics.DEAD_LETTERS.valueSerde().serializer().serialize(Topics.DEAD_LETTERS.name(),
                letter);
        try {
            producer.send(new ProducerRecord<>(Topics.DEAD_LETTERS.name(), letterKey, letterValue)).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while writing " + letter, e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("cannot write " + letter, e.getCause());
        }
        Metrics.counter("meridian.ingest.dead.letters", "stage", stage, "reason", reasonCode).increment();
        log.warn("Dead-lettered {}", letter);
    }

    /** The pipeline stage a processor node belongs to, from its name ({@code persist-usage} is {@code persist}). */
    public static String stageOf(String processorNodeId) {
        if (processorNodeId == null) {
            return "stream";
        }
        String node = processorNodeId.toLowerCase(Locale.ROOT);
        int dash = node.indexOf('-');
        String stage = dash < 0 ? node : node.substring(0, dash);
        return stage.matches("[a-z][a-z0-9]*") ? stage : "stream";
    }

    private static UUID tenantOf(byte[] key) {
        if (key == null) {
            return null;
        }
        try {
            AccountKey accountKey = Topics.BANK_FEED_TRANSACTIONS.keySerde().deserializer()
                    .deserialize(Topics.BANK_FEED_TRANSACTIONS.name(), key);
            return accountKey.tenantId();
        } catch (SerializationException e) {
            return null; // a key that is not an account key (usage counters) names no tenant we can trust
        }
    }

    private static String describe(Exception cause) {
        String message = cause.getMessage();
        return cause.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }

    private static Producer<byte[], byte[]> producer(Object bootstrap) {
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.CLIENT_ID_CONFIG, "meridian-ingest-dead-letters");
        Producer<byte[], byte[]> producer = new KafkaProducer<>(config, new ByteArraySerializer(),
                new ByteArraySerializer());
        Runtime.getRuntime().addShutdownHook(new Thread(producer::close, "dead-letter-producer-close"));
        return producer;
    }
}
