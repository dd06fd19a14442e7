package com.meridian.ingest.stream.internal;

import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler;
import org.apache.kafka.streams.errors.ProductionExceptionHandler;
import org.apache.kafka.streams.processor.api.Record;

/**
 * Kafka Streams' three exception handlers, all routing the failed record to {@code meridian.dead-letters.v1} with
 * its original bytes and the reason, then continuing: one bad record never stops an account's partition.
 * Validation reads the bank feed as bytes and dead-letters garbage inside the topology; these handlers catch what
 * fails elsewhere (a categorizer error, an unreadable internal record, a record the broker refuses).
 */
public final class DeadLetterExceptionHandlers {

    private DeadLetterExceptionHandlers() {
    }

    /** Bytes a typed source of the topology cannot read: {@code DESERIALIZATION_FAILED}. */
    public static final class Deserialization implements DeserializationExceptionHandler {

        private DeadLetterPublisher publisher;

        @Override
        public void configure(Map<String, ?> configs) {
            publisher = DeadLetterPublisher.of(configs);
        }

        @Override
        public DeserializationHandlerResponse handle(ErrorHandlerContext context, ConsumerRecord<byte[], byte[]> record,
                Exception exception) {
            publisher.publish(context, record.key(), record.value(), "DESERIALIZATION_FAILED", "deserialize",
                    exception);
            return DeserializationHandlerResponse.CONTINUE;
        }
    }

    /** An exception thrown by a processor: {@code PROCESSING_FAILED}, with the stage of the processor. */
    public static final class Processing implements ProcessingExceptionHandler {

        private DeadLetterPublisher publisher;

        @Override
        public void configure(Map<String, ?> configs) {
            publisher = DeadLetterPublisher.of(configs);
        }

        @Override
        public ProcessingHandlerResponse handle(ErrorHandlerContext context, Record<?, ?> record, Exception exception) {
            publisher.publish(context, context.sourceRawKey(), context.sourceRawValue(), "PROCESSING_FAILED",
                    DeadLetterPublisher.stageOf(context.processorNodeId()), exception);
            return ProcessingHandlerResponse.CONTINUE;
        }
    }

    /** A record the topology could not serialize or the broker refused: {@code PRODUCTION_FAILED}. */
    public static final class Production implements ProductionExceptionHandler {

        private DeadLetterPublisher publisher;

        @Override
        public void configure(Map<String, ?> configs) {
            publisher = DeadLetterPublisher.of(configs);
        }

        @Override
        public ProductionExceptionHandlerResponse handle(ErrorHandlerContext context,
                ProducerRecord<byte[], byte[]> record, Exception exception) {
            publisher.publish(context, context.sourceRawKey(), context.sourceRawValue(), "PRODUCTION_FAILED",
                    DeadLetterPublisher.stageOf(context.processorNodeId()), exception);
            return ProductionExceptionHandlerResponse.CONTINUE;
        }

        @Override
        public ProductionExceptionHandlerResponse handleSerializationException(ErrorHandlerContext context,
                ProducerRecord record, Exception exception, SerializationExceptionOrigin origin) {
            publisher.publish(context, context.sourceRawKey(), context.sourceRawValue(), "SERIALIZATION_FAILED",
                    DeadLetterPublisher.stageOf(context.processorNodeId()), exception);
            return ProductionExceptionHandlerResponse.CONTINUE;
        }
    }
}
