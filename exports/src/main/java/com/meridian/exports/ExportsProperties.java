package com.meridian.exports;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where exports are written and how they are cut ({@code meridian.exports.*}).
 *
 * @param stagingDirectory where a running export writes its files; they are published only when complete
 *                         (default: a folder in {@code java.io.tmpdir})
 * @param directory        the local store, used unless S3 is configured: one folder per tenant and export
 *                         (default: a folder in {@code java.io.tmpdir}; set it in production)
 * @param s3               the S3-compatible store, used instead of {@code directory} when a bucket is set
 * @param rowsPerChunk     rows read per page and committed per Batch chunk
 * @param rowGroupBytes    Parquet row group size: big enough for fast scans, small enough to read in parallel
 * @param pageBytes        Parquet page size
 * @param maxRowsPerFile   rows after which a month's next part starts
 * @param retention        how long an export that no schedule keeps stays downloadable
 * @param schedulerPoll    how often the scheduler looks for due schedules
 * @param schedulerEnabled whether this node runs due schedules at all
 * @param sweepInterval    how often the retention sweeper removes, across tenants, the exports retention no longer keeps
 * @param sweeperEnabled   whether this node runs the retention sweeper at all
 * @param deletedKeptFor   how long a deleted export's row stays (its status answers {@code deleted}) before the
 *                         sweeper removes it; its files go at once
 */
@ConfigurationProperties("meridian.exports")
public record ExportsProperties(
        Path stagingDirectory,
        Path directory,
        @DefaultValue S3 s3,
        @DefaultValue("10000") int rowsPerChunk,
        @DefaultValue("67108864") long rowGroupBytes,
        @DefaultValue("1048576") int pageBytes,
        @DefaultValue("5000000") long maxRowsPerFile,
        @DefaultValue("30d") Duration retention,
        @DefaultValue("60s") Duration schedulerPoll,
        @DefaultValue("true") boolean schedulerEnabled,
        @DefaultValue("1h") Duration sweepInterval,
        @DefaultValue("true") boolean sweeperEnabled,
        @DefaultValue("7d") Duration deletedKeptFor) {

    public ExportsProperties {
        stagingDirectory = stagingDirectory != null ? stagingDirectory : temp("meridian-exports-staging");
        directory = directory != null ? directory : temp("meridian-exports");
    }

    private static Path temp(String name) {
        return Path.of(System.getProperty("java.io.tmpdir"), name);
    }

    /**
     * An S3-compatible object store (AWS S3, MinIO, Ceph, S3Proxy...). Credentials come from here when set,
     * otherwise from the AWS SDK's default chain (environment, profile, instance role).
     */
    public record S3(String bucket, String endpoint, @DefaultValue("us-east-1") String region,
            @DefaultValue("false") boolean pathStyle, String accessKeyId, String secretAccessKey,
            @DefaultValue("meridian") String prefix) {

        public boolean enabled() {
            return bucket != null && !bucket.isBlank();
        }
    }
}
