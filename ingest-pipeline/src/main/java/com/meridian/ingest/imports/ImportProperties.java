package com.meridian.ingest.imports;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Statement imports ({@code meridian.imports.*}).
 *
 * @param chunkSize   entries parsed, categorized and staged per transaction
 * @param skipLimit   rejected entries an import tolerates before it fails as a whole
 * @param storageDir  where uploaded files are kept (a volume every worker can read); the JVM's temp dir by default
 * @param maxUpload   the largest upload accepted
 * @param mergeWorkMem PostgreSQL work_mem of the merge transaction (its sorts stay in memory up to this)
 * @param watchRoot   the root of the folders that import schedules watch: each tenant's schedules see only
 *                    {@code <watchRoot>/<tenant id>/<the schedule's directory>} (a local or mounted volume)
 * @param watchSettle how long a dropped file must be left unchanged before a schedule takes it (a file still
 *                    being copied in is not read half-written)
 * @param partitionThreshold uploads of at least this size are staged by {@code partitionGridSize} partitions of
 *                    their entries at once, each on a thread of its own; smaller ones by one thread
 * @param partitionGridSize partitions of a large upload (2 on two cores: each partition has a read-ahead thread
 *                    that parses and categorizes and a writer that mostly waits for PostgreSQL)
 */
@ConfigurationProperties("meridian.imports")
public record ImportProperties(@DefaultValue("1000") int chunkSize, @DefaultValue("1000") long skipLimit,
        Path storageDir, @DefaultValue("2GB") DataSize maxUpload,
        @DefaultValue("256MB") DataSize mergeWorkMem, Path watchRoot, @DefaultValue("10s") Duration watchSettle,
        @DefaultValue("64MB") DataSize partitionThreshold, @DefaultValue("2") int partitionGridSize) {

    public ImportProperties {
        if (partitionGridSize < 1) {
            throw new IllegalArgumentException("meridian.imports.partition-grid-size must be at least 1");
        }
        storageDir = storageDir != null ? storageDir : Path.of(System.getProperty("java.io.tmpdir"), "meridian-imports");
        watchRoot = watchRoot != null ? watchRoot : Path.of(System.getProperty("java.io.tmpdir"), "meridian-import-drops");
    }
}
