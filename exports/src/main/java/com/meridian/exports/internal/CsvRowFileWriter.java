package com.meridian.exports.internal;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/**
 * CSV per RFC 4180: UTF-8, a header row, comma separators, CRLF line ends, quotes only where needed. Empty
 * cells are nulls. Text cells are neutralised against formula injection ({@link CsvCells}).
 */
final class CsvRowFileWriter implements RowFileWriter {

    private static final String CRLF = "\r\n";

    private final RowSchema schema;
    private final Writer out;

    CsvRowFileWriter(RowSchema schema, OutputStream target) throws IOException {
        this.schema = schema;
        this.out = new BufferedWriter(new OutputStreamWriter(target, StandardCharsets.UTF_8), 1 << 16);
        writeHeader();
    }

    private void writeHeader() throws IOException {
        for (int i = 0; i < schema.size(); i++) {
            out.write(i == 0 ? "" : ",");
            out.write(CsvCells.text(schema.field(i).name()));
        }
        out.write(CRLF);
    }

    @Override
    public void write(Object[] row) throws IOException {
        for (int i = 0; i < schema.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            if (row[i] != null) {
                out.write(cell(schema.field(i), row[i]));
            }
        }
        out.write(CRLF);
    }

    private static String cell(Field field, Object value) {
        return field.type() == FieldType.STRING ? CsvCells.text((String) value) : Values.text(field, value);
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
