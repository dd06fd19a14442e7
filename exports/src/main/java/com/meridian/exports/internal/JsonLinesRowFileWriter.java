package com.meridian.exports.internal;

import java.io.IOException;
import java.io.OutputStream;

import tools.jackson.core.JsonGenerator;
import tools.jackson.core.json.JsonFactory;

/**
 * JSON Lines: one UTF-8 JSON object per row and line. Amounts are JSON numbers with the column's exact scale
 * (never a binary float on our side), dates are ISO-8601 strings, timestamps UTC with a {@code Z}, nulls are
 * written as {@code null} so every line has every key.
 */
final class JsonLinesRowFileWriter implements RowFileWriter {

    private static final JsonFactory JSON = JsonFactory.builder().rootValueSeparator((String) null).build();

    private final RowSchema schema;
    private final JsonGenerator json;

    JsonLinesRowFileWriter(RowSchema schema, OutputStream target) {
        this.schema = schema;
        this.json = JSON.createGenerator(target);
    }

    @Override
    public void write(Object[] row) throws IOException {
        json.writeStartObject();
        for (int i = 0; i < schema.size(); i++) {
            json.writeName(schema.field(i).name());
            writeValue(schema.field(i), row[i]);
        }
        json.writeEndObject();
        json.writeRaw('\n'); // the root separator is off, so this newline is the only one between objects
    }

    private void writeValue(Field field, Object value) {
        if (value == null) {
            json.writeNull();
            return;
        }
        switch (field.type()) {
            case DECIMAL -> json.writeNumber(Values.scaled(field, value));
            case INT64 -> json.writeNumber((Long) value);
            case BOOLEAN -> json.writeBoolean((Boolean) value);
            default -> json.writeString(Values.text(field, value));
        }
    }

    @Override
    public void close() {
        json.close();
    }
}
