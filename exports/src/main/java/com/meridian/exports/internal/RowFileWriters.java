package com.meridian.exports.internal;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

import com.meridian.exports.ExportCompression;
import com.meridian.exports.ExportFormat;

/** Opens the right {@link RowFileWriter} for a format and names its files. */
final class RowFileWriters {

    private RowFileWriters() {
    }

    static String extension(ExportFormat format, ExportCompression compression) {
        return format.extension() + (compression == ExportCompression.GZIP ? ".gz" : "");
    }

    static RowFileWriter open(Path file, RowSchema schema, ExportFormat format, ExportCompression compression,
            WriterSizes sizes) throws IOException {
        Files.createDirectories(file.getParent());
        return switch (format) {
            case PARQUET -> new ParquetRowFileWriter(schema, file, compression, sizes);
            case CSV -> new CsvRowFileWriter(schema, stream(file, compression));
            case JSONL -> new JsonLinesRowFileWriter(schema, stream(file, compression));
        };
    }

    private static OutputStream stream(Path file, ExportCompression compression) throws IOException {
        OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
        return compression == ExportCompression.GZIP ? new GZIPOutputStream(out, 1 << 16) : out;
    }
}
