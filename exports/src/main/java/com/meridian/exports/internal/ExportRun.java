package com.meridian.exports.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.meridian.exports.ExportKind;
import com.meridian.exports.ExportManifest;
import com.meridian.exports.ExportRequest;
import com.meridian.tenancy.TenantDatabase;
import com.meridian.tenancy.TenantId;

/**
 * The state of one export job execution, shared by its steps: the measured source, the partitioned writer
 * over the staging folder, and what has been written.
 *
 * <p>A restarted execution continues where the last one stopped: the files it had closed (each a whole month, or
 * a whole part of one) are kept when they are still in staging with the size and SHA-256 it recorded, and the
 * rows continue after the last row of the last of them; whatever was written after that is discarded and written
 * again. When they are not there (another node's staging, a cleaned disk) or the columns came out different, the
 * run starts over.
 */
public class ExportRun {

    private static final Logger log = LoggerFactory.getLogger(ExportRun.class);

    private final TenantId tenant;
    private final UUID exportId;
    private final ExportRequest request;
    private final ExportSource source;
    private final PartitionedExportWriter writer;
    private final Path staging;
    private final List<ExportManifest.Column> columns;
    private String resumedAfter;

    public ExportRun(TenantDatabase database, ExportRecords records, TenantId tenant, UUID exportId, Path stagingRoot,
            int rowsPerPage, WriterSizes sizes) throws IOException {
        this.tenant = tenant;
        this.exportId = exportId;
        this.request = records.request(tenant, exportId);
        this.source = request.kind() == ExportKind.MONTHLY_SPEND ? new MonthlySpendSource(database, tenant, request)
                : new TransactionsSource(database, tenant, request, rowsPerPage);
        this.staging = staging(stagingRoot, exportId);
        Files.createDirectories(staging);
        this.writer = new PartitionedExportWriter(staging, source.schema(), request.format(), request.compression(),
                request.partitionByMonth(), sizes);
        this.columns = source.schema().fields().stream().map(field -> new ExportManifest.Column(field.name(), field.sqlType()))
                .toList();
        records.running(tenant, exportId, source.total());
    }

    public TenantId tenant() {
        return tenant;
    }

    public UUID exportId() {
        return exportId;
    }

    public ExportSource source() {
        return source;
    }

    public PartitionedExportWriter writer() {
        return writer;
    }

    public Path staging() {
        return staging;
    }

    /**
     * Prepares the rows step: continues from {@code checkpoint} (the JSON of an {@link ExportCheckpoint}) when its
     * files are intact, otherwise empties staging. Returns the rows kept.
     */
    public long open(String checkpoint) throws IOException {
        ExportCheckpoint earlier = checkpoint == null ? null : ExportCheckpoint.fromJson(checkpoint);
        if (earlier != null && resumable(earlier)) {
            keepOnly(earlier.files());
            writer.restore(earlier.files(), earlier.nextPart(), earlier.totals(), earlier.rows());
            source.resumeAfter(earlier.resumeAfter());
            resumedAfter = earlier.resumeAfter();
            log.info("export {} of tenant {} resumes after {} rows in {} files, at {}", exportId, tenant, earlier.rows(),
                    earlier.files().size(), resumedAfter);
            return earlier.rows();
        }
        if (earlier != null) {
            log.warn("export {} of tenant {} starts over: the files of its last run are not all intact in {}", exportId,
                    tenant, staging);
        }
        deleteRecursively(staging);
        Files.createDirectories(staging);
        return 0;
    }

    /** What a restart may keep: the files closed so far; null when there are none to keep. */
    public String checkpoint() {
        PartitionedExportWriter.Completed completed = writer.completed();
        String resumeAfter = completed.lastRow() != null ? source.positionAfter(completed.lastRow()) : resumedAfter;
        if (completed.files().isEmpty() || resumeAfter == null) {
            return null;
        }
        return new ExportCheckpoint(columns, completed.files(), completed.nextPart(), completed.totals(), completed.rows(),
                resumeAfter).toJson();
    }

    /** Closes the last file once every row is written; the result is what {@link #manifest} describes. */
    public String finishRows() throws IOException {
        List<ExportManifest.File> files = writer.finish();
        return new ExportCheckpoint(columns, files, writer.completed().nextPart(), writer.totals(), writer.rows(), null)
                .toJson();
    }

    /** The manifest of the files {@link #finishRows} described (possibly in an earlier execution of the job). */
    public ExportManifest manifest(String allRowsWritten) {
        ExportCheckpoint written = ExportCheckpoint.fromJson(allRowsWritten);
        return new ExportManifest(exportId, tenant.value(), request.kind(), request.format(), request.compression(), request,
                Instant.now(), written.rows(), written.columns(), written.files(), written.totals());
    }

    /** Releases the open file and removes the staging folder (after publishing). */
    public void discard() throws IOException {
        writer.close();
        deleteRecursively(staging);
    }

    private boolean resumable(ExportCheckpoint earlier) throws IOException {
        if (earlier.resumeAfter() == null || !earlier.columns().equals(columns)) {
            return false;
        }
        for (ExportManifest.File file : earlier.files()) {
            Path path = staging.resolve(file.path());
            if (!Files.isRegularFile(path) || Files.size(path) != file.bytes()
                    || !PartitionedExportWriter.sha256(path).equals(file.sha256())) {
                return false;
            }
        }
        return true;
    }

    /** Removes what the last run wrote after its last closed file. */
    private void keepOnly(List<ExportManifest.File> files) throws IOException {
        Set<Path> kept = files.stream().map(file -> staging.resolve(file.path())).collect(Collectors.toSet());
        try (Stream<Path> paths = Files.walk(staging)) {
            for (Path path : paths.filter(Files::isRegularFile).filter(path -> !kept.contains(path)).toList()) {
                Files.delete(path);
            }
        }
    }

    /** The folder where the export's files are written until they are published. */
    static Path staging(Path stagingRoot, UUID exportId) {
        return stagingRoot.resolve(exportId.toString());
    }

    static void deleteRecursively(Path path) throws IOException {
        if (Files.exists(path)) {
            try (var paths = Files.walk(path)) {
                for (Path each : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(each);
                }
            }
        }
    }
}
