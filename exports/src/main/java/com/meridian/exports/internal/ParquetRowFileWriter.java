package com.meridian.exports.internal;

import java.io.IOException;
import java.nio.file.Path;

import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalOutputFile;

import com.meridian.exports.ExportCompression;

/**
 * Parquet written with Apache Parquet straight to a local file, no Hadoop file system or cluster involved.
 * Column types come from {@link ParquetSchemas}; row groups and pages are sized by the caller so that engines
 * such as DuckDB and Spark can read row groups in parallel and skip them by their statistics.
 */
final class ParquetRowFileWriter implements RowFileWriter {

    private final ParquetWriter<Object[]> writer;

    ParquetRowFileWriter(RowSchema schema, Path file, ExportCompression compression, WriterSizes sizes) throws IOException {
        Builder builder = new Builder(new LocalOutputFile(file), schema)
                .withConf(new PlainParquetConfiguration())
                .withWriteMode(ParquetFileWriter.Mode.OVERWRITE)
                .withCompressionCodec(codec(compression))
                .withRowGroupSize(sizes.rowGroupBytes())
                .withPageSize(sizes.pageBytes())
                .withDictionaryEncoding(true);
        for (Field field : schema.fields()) {
            if (field.unique()) {
                // a dictionary of values that never repeat only costs time (measured: 2x the whole write) and then
                // falls back to plain encoding anyway
                builder.withDictionaryEncoding(field.name(), false);
                if (field.type() == FieldType.STRING) {
                    // min/max of random ids and free text prune nothing, yet cost a comparison of bytes per value
                    builder.withStatisticsEnabled(field.name(), false).withSizeStatisticsEnabled(field.name(), false);
                }
            }
        }
        this.writer = builder.build();
    }

    private static CompressionCodecName codec(ExportCompression compression) {
        return switch (compression) {
            case ZSTD -> CompressionCodecName.ZSTD;
            case SNAPPY -> CompressionCodecName.SNAPPY;
            case NONE -> CompressionCodecName.UNCOMPRESSED;
            case GZIP -> throw new IllegalArgumentException("gzip applies to CSV and JSON Lines only");
        };
    }

    @Override
    public void write(Object[] row) throws IOException {
        writer.write(row);
    }

    @Override
    public void close() throws IOException {
        writer.close();
    }

    private static final class Builder extends ParquetWriter.Builder<Object[], Builder> {

        private final RowSchema schema;

        Builder(LocalOutputFile file, RowSchema schema) {
            super(file);
            this.schema = schema;
        }

        @Override
        protected Builder self() {
            return this;
        }

        @Override
        protected RowWriteSupport getWriteSupport(org.apache.hadoop.conf.Configuration conf) {
            return new RowWriteSupport(schema);
        }

        @Override
        protected RowWriteSupport getWriteSupport(org.apache.parquet.conf.ParquetConfiguration conf) {
            return new RowWriteSupport(schema);
        }
    }
}
