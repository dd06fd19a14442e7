package com.meridian.exports.internal;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import com.meridian.exports.ExportCompression;
import com.meridian.exports.ExportFormat;
import com.meridian.exports.ExportManifest;

/**
 * Writes the rows of one export into a staging directory, split Hive-style by booked month
 * ({@code booked_month=2026-03/part-0000.parquet}) so that engines prune whole months, and into numbered parts
 * when a month outgrows {@link WriterSizes#maxRowsPerFile()}. One file is open at a time; rows arrive ordered
 * by date, and a month that comes back after another (it should not) gets a new part instead of overwriting.
 *
 * <p>{@link #finish()} closes the last file and describes every file (rows, bytes, SHA-256); until then the
 * staging directory is not an export, and {@link #close()} without {@code finish()} only releases the file.
 */
public final class PartitionedExportWriter implements Closeable {

    private final Path root;
    private final RowSchema schema;
    private final ExportFormat format;
    private final ExportCompression compression;
    private final boolean partitionByMonth;
    private final WriterSizes sizes;
    private final Map<String, Integer> nextPart = new HashMap<>();
    private final List<OpenedFile> written = new ArrayList<>();
    private final CurrencyTotals totals = new CurrencyTotals();
    private RowFileWriter current;
    private OpenedFile currentFile;
    private long rows;

    public PartitionedExportWriter(Path root, RowSchema schema, ExportFormat format, ExportCompression compression,
            boolean partitionByMonth, WriterSizes sizes) {
        this.root = root;
        this.schema = schema;
        this.format = format;
        this.compression = compression;
        this.partitionByMonth = partitionByMonth;
        this.sizes = sizes;
    }

    public void write(Object[] row) throws IOException {
        String month = partitionByMonth ? schema.month(row) : "";
        if (current == null || !currentFile.month.equals(month) || currentFile.rows >= sizes.maxRowsPerFile()) {
            roll(month);
        }
        current.write(row);
        currentFile.rows++;
        rows++;
        totals.add((String) row[schema.currencyIndex()], (BigDecimal) row[schema.amountIndex()]);
    }

    private void roll(String month) throws IOException {
        closeCurrent();
        int part = nextPart.merge(month, 1, Integer::sum) - 1;
        String name = "part-%04d.%s".formatted(part, RowFileWriters.extension(format, compression));
        String relative = month.isEmpty() ? name : "booked_month=" + month + "/" + name;
        currentFile = new OpenedFile(relative, month);
        current = RowFileWriters.open(root.resolve(relative), schema, format, compression, sizes);
    }

    private void closeCurrent() throws IOException {
        if (current != null) {
            current.close();
            written.add(currentFile);
            current = null;
        }
    }

    /** Closes the last file and returns every file written, in the order written. */
    public List<ExportManifest.File> finish() throws IOException {
        closeCurrent();
        List<ExportManifest.File> files = new ArrayList<>();
        for (OpenedFile file : written) {
            Path path = root.resolve(file.path);
            files.add(new ExportManifest.File(file.path, file.month.isEmpty() ? null : file.month, file.rows, Files.size(path),
                    sha256(path)));
        }
        return files;
    }

    public long rows() {
        return rows;
    }

    /** Rows and exact amounts per currency, at the amount column's scale. */
    public List<ExportManifest.CurrencyTotal> totals() {
        return totals.totals(schema.amountScale());
    }

    @Override
    public void close() throws IOException {
        if (current != null) {
            current.close();
            current = null;
        }
    }

    static String sha256(Path file) {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    private static final class OpenedFile {
        final String path;
        final String month; // empty when not partitioned
        long rows;

        OpenedFile(String path, String month) {
            this.path = path;
            this.month = month;
        }
    }
}
