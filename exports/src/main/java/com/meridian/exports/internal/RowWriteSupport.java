package com.meridian.exports.internal;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

import org.apache.parquet.conf.ParquetConfiguration;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.RecordConsumer;
import org.apache.parquet.schema.MessageType;

/**
 * Hands the values of one row to Parquet's record consumer directly, without an intermediate object model
 * (Avro or example Groups): the export's hot loop allocates nothing but the string bytes.
 */
final class RowWriteSupport extends WriteSupport<Object[]> {

    private final RowSchema schema;
    private final MessageType message;
    private RecordConsumer consumer;

    RowWriteSupport(RowSchema schema) {
        this.schema = schema;
        this.message = ParquetSchemas.of(schema);
    }

    @Override
    public WriteContext init(org.apache.hadoop.conf.Configuration configuration) {
        return new WriteContext(message, Map.of());
    }

    @Override
    public WriteContext init(ParquetConfiguration configuration) {
        return new WriteContext(message, Map.of());
    }

    @Override
    public void prepareForWrite(RecordConsumer recordConsumer) {
        this.consumer = recordConsumer;
    }

    @Override
    public void write(Object[] row) {
        consumer.startMessage();
        for (int i = 0; i < schema.size(); i++) {
            if (row[i] != null) {
                Field field = schema.field(i);
                consumer.startField(field.name(), i);
                add(field, row[i]);
                consumer.endField(field.name(), i);
            }
        }
        consumer.endMessage();
    }

    /** Fails the export, naming the value, if an amount ever outgrows DECIMAL(18, s), rather than wrapping around. */
    private static long unscaled(Field field, Object value) {
        try {
            return Values.scaled(field, value).unscaledValue().longValueExact();
        } catch (ArithmeticException overflow) {
            // the message says all; the overflow itself would hide it as the root cause
            throw new IllegalArgumentException("%s %s does not fit %s".formatted(field.name(), value, field.sqlType()));
        }
    }

    private void add(Field field, Object value) {
        switch (field.type()) {
            case STRING -> consumer.addBinary(Binary.fromConstantByteArray(((String) value).getBytes(StandardCharsets.UTF_8)));
            case DATE -> consumer.addInteger(Math.toIntExact(((LocalDate) value).toEpochDay()));
            case TIMESTAMP -> consumer.addLong(Values.epochMicros((Instant) value));
            case DECIMAL -> consumer.addLong(unscaled(field, value));
            case INT64 -> consumer.addLong((Long) value);
            case BOOLEAN -> consumer.addBoolean((Boolean) value);
        }
    }
}
