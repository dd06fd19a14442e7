package com.meridian.exports.internal;

import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;
import org.apache.parquet.schema.Types;

/**
 * The Parquet schema of a {@link RowSchema}: DECIMAL(18, scale) on INT64, DATE on INT32, TIMESTAMP in
 * microseconds adjusted to UTC on INT64, UTF-8 STRING on BINARY, BOOLEAN and INT64 as they are.
 */
final class ParquetSchemas {

    private ParquetSchemas() {
    }

    static MessageType of(RowSchema schema) {
        Types.MessageTypeBuilder message = Types.buildMessage();
        for (Field field : schema.fields()) {
            message.addField(column(field));
        }
        return message.named("meridian_export");
    }

    private static Type column(Field field) {
        Type.Repetition repetition = field.nullable() ? Type.Repetition.OPTIONAL : Type.Repetition.REQUIRED;
        return switch (field.type()) {
            case STRING -> Types.primitive(PrimitiveTypeName.BINARY, repetition)
                    .as(LogicalTypeAnnotation.stringType()).named(field.name());
            case DATE -> Types.primitive(PrimitiveTypeName.INT32, repetition)
                    .as(LogicalTypeAnnotation.dateType()).named(field.name());
            case TIMESTAMP -> Types.primitive(PrimitiveTypeName.INT64, repetition)
                    .as(LogicalTypeAnnotation.timestampType(true, LogicalTypeAnnotation.TimeUnit.MICROS))
                    .named(field.name());
            case DECIMAL -> Types.primitive(PrimitiveTypeName.INT64, repetition)
                    .as(LogicalTypeAnnotation.decimalType(field.scale(), field.precision())).named(field.name());
            case INT64 -> Types.primitive(PrimitiveTypeName.INT64, repetition).named(field.name());
            case BOOLEAN -> Types.primitive(PrimitiveTypeName.BOOLEAN, repetition).named(field.name());
        };
    }
}
