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
 * <p>Each file is described (rows, bytes, SHA-256) as soon as it is closed. {@link #completed()} is what a
 * restarted run can keep: the closed files, the totals and part numbers as they were when the last one closed, and
 * that file's last row, after which the rows continue; {@link #restore} takes it back. {@link #finish()} closes the
 * last file; until then the staging directory is not an export, and {@link #close()} without {@code finish()} only
 * releases the file.
 */
public final class PartitionedExportWriter implements Closeable {

    private final Path root;
    private final RowSchema schema;
    private final ExportFormat format;
    private final ExportCompression compression;
    private final boolean partitionByMonth;
    private final WriterSizes sizes;
    private final Map<String, Integer> nextPart = new HashMap<>();
    private final List<ExportManifest.File> written = new ArrayList<>();
    private CurrencyTotals totals = new CurrencyTotals();
    private RowFileWriter current;
    private OpenedFile currentFile;
    private Object[] lastRow;
    private long rows;
    private Completed completed = new Completed(List.of(), Map.of(), List.of(), 0, null);

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
        lastRow = row;
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
            current = null;
            Path path = root.resolve(currentFile.path);
            written.add(new ExportManifest.File(currentFile.path, currentFile.month.isEmpty() ? null : currentFile.month,
                    currentFile.rows, Files.size(path), sha256(path)));
            completed = new Completed(List.copyOf(written), Map.copyOf(nextPart), totals(), rows, lastRow);
        }
    }

    /** Closes the last file and returns every file written, in the order written. */
    public List<ExportManifest.File> finish() throws IOException {
        closeCurrent();
        return List.copyOf(written);
    }

    /** The files closed so far and the state that goes with them, for a restarted run to continue from. */
    public Completed completed() {
        return completed;
    }

    /** Continues after files written by an earlier run; nothing may have been written yet. */
    public void restore(List<ExportManifest.File> files, Map<String, Integer> parts, List<ExportManifest.CurrencyTotal> sums,
            long rowsWritten) {
        if (rows > 0 || !written.isEmpty()) {
            throw new IllegalStateException("rows were written already; there is nothing to restore into");
        }
        written.addAll(files);
        nextPart.putAll(parts);
        totals = CurrencyTotals.of(sums);
        rows = rowsWritten;
        completed = new Completed(List.copyOf(written), Map.copyOf(nextPart), totals(), rows, null);
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

    /**
     * The closed files, the part numbers, totals and row count as they were when the last one closed, and the last
     * row it holds (null when restored or when nothing is closed yet).
     */
    public record Completed(List<ExportManifest.File> files, Map<String, Integer> nextPart,
            List<ExportManifest.CurrencyTotal> totals, long rows, Object[] lastRow) {
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
