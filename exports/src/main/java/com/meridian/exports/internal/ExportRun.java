package com.meridian.exports.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.meridian.exports.ExportKind;
import com.meridian.exports.ExportManifest;
import com.meridian.exports.ExportRequest;
import com.meridian.tenancy.TenantDatabase;
import com.meridian.tenancy.TenantId;

/**
 * The state of one export job execution, shared by its steps: the measured source, the partitioned writer
 * over the staging folder, and the manifest once the rows are all written. A restarted execution starts the
 * files over (they are cheap to rewrite and never half-published).
 */
public class ExportRun {

    private final TenantId tenant;
    private final UUID exportId;
    private final ExportRequest request;
    private final ExportSource source;
    private final PartitionedExportWriter writer;
    private final Path staging;

    public ExportRun(TenantDatabase database, ExportRecords records, TenantId tenant, UUID exportId, Path stagingRoot,
            int rowsPerPage, WriterSizes sizes) throws IOException {
        this.tenant = tenant;
        this.exportId = exportId;
        this.request = records.request(tenant, exportId);
        this.source = request.kind() == ExportKind.MONTHLY_SPEND ? new MonthlySpendSource(database, tenant, request)
                : new TransactionsSource(database, tenant, request, rowsPerPage);
        this.staging = staging(stagingRoot, exportId);
        deleteRecursively(staging);
        Files.createDirectories(staging);
        this.writer = new PartitionedExportWriter(staging, source.schema(), request.format(), request.compression(),
                request.partitionByMonth(), sizes);
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

    /** Closes the last file and describes the export; the files stay in staging until published. */
    public ExportManifest finish() throws IOException {
        List<ExportManifest.File> files = writer.finish();
        List<ExportManifest.Column> columns = new ArrayList<>();
        for (Field field : source.schema().fields()) {
            columns.add(new ExportManifest.Column(field.name(), field.sqlType()));
        }
        return new ExportManifest(exportId, tenant.value(), request.kind(), request.format(), request.compression(), request,
                Instant.now(), writer.rows(), columns, files, writer.totals());
    }

    /** Releases the open file and removes the staging folder (after publishing, or after a failure). */
    public void discard() throws IOException {
        writer.close();
        deleteRecursively(staging);
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
