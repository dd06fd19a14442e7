package com.meridian.exports;

import java.net.URI;
import java.time.Clock;

import org.springframework.batch.core.job.Job;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

import com.meridian.exports.internal.ExportRecords;
import com.meridian.exports.internal.ExportStore;
import com.meridian.exports.internal.LocalDirectoryExportStore;
import com.meridian.exports.internal.Retention;
import com.meridian.exports.internal.S3ExportStore;
import com.meridian.ingest.jobs.JobRunLauncher;
import com.meridian.tenancy.TenantDatabase;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

/**
 * Wires the exports: the store (a local directory, or an S3-compatible bucket when
 * {@code meridian.exports.s3.bucket} is set), the services, and the scheduler that runs due export schedules
 * every {@code meridian.exports.scheduler-poll} (off with {@code meridian.exports.scheduler-enabled=false}), and
 * the sweeper that applies retention across tenants every {@code meridian.exports.sweep-interval} (off with
 * {@code meridian.exports.sweeper-enabled=false}).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ExportsProperties.class)
@EnableScheduling
public class ExportsConfiguration {

    @Bean
    ExportRecords exportRecords(TenantDatabase database) {
        return new ExportRecords(database);
    }

    @Bean
    ExportStore exportStore(ExportsProperties properties) {
        ExportsProperties.S3 s3 = properties.s3();
        return s3.enabled() ? new S3ExportStore(s3Client(s3), s3.bucket(), s3.prefix())
                : new LocalDirectoryExportStore(properties.directory());
    }

    /** An S3 client for {@code s3}: the endpoint and static credentials when given, the SDK defaults otherwise. */
    public static S3Client s3Client(ExportsProperties.S3 s3) {
        S3ClientBuilder builder = S3Client.builder()
                .httpClient(UrlConnectionHttpClient.create())
                .region(Region.of(s3.region()))
                .forcePathStyle(s3.pathStyle());
        if (s3.endpoint() != null && !s3.endpoint().isBlank()) {
            builder.endpointOverride(URI.create(s3.endpoint()));
        }
        builder.credentialsProvider(s3.accessKeyId() == null ? DefaultCredentialsProvider.builder().build()
                : StaticCredentialsProvider.create(AwsBasicCredentials.create(s3.accessKeyId(), s3.secretAccessKey())));
        return builder.build();
    }

    @Bean
    Retention exportRetention(ExportRecords records, ExportStore store, ExportsProperties properties) {
        return new Retention(records, store, properties.stagingDirectory());
    }

    @Bean
    Exports exports(ExportRecords records, ExportStore store, Retention exportRetention, JobRunLauncher launcher,
            @Qualifier("analystExportJob") Job analystExportJob, ExportsProperties properties) {
        return new Exports(records, store, exportRetention, launcher, analystExportJob, properties, Clock.systemUTC());
    }

    @Bean
    ExportSchedules exportSchedules(TenantDatabase database, Exports exports) {
        return new ExportSchedules(database, exports, Clock.systemUTC());
    }

    @Bean
    @ConditionalOnBooleanProperty(name = "meridian.exports.scheduler-enabled", matchIfMissing = true)
    DueExportSchedules dueExportSchedules(ExportSchedules schedules) {
        return new DueExportSchedules(schedules);
    }

    @Bean
    ExportRetentionSweeper exportRetentionSweeper(TenantDatabase database, Retention exportRetention,
            ExportsProperties properties) {
        return new ExportRetentionSweeper(database, exportRetention, properties.deletedKeptFor(), Clock.systemUTC());
    }

    @Bean
    @ConditionalOnBooleanProperty(name = "meridian.exports.sweeper-enabled", matchIfMissing = true)
    ScheduledRetentionSweep scheduledRetentionSweep(ExportRetentionSweeper sweeper) {
        return new ScheduledRetentionSweep(sweeper);
    }

    /** Sweeps every {@code meridian.exports.sweep-interval}; several nodes sweeping at once remove each export once. */
    static final class ScheduledRetentionSweep {

        private final ExportRetentionSweeper sweeper;

        ScheduledRetentionSweep(ExportRetentionSweeper sweeper) {
            this.sweeper = sweeper;
        }

        @Scheduled(fixedDelayString = "${meridian.exports.sweep-interval:1h}", initialDelayString = "${meridian.exports.sweep-interval:1h}")
        void run() {
            sweeper.sweep();
        }
    }

    /** Polls for due schedules; each node may poll, the schedule's next time moves on as soon as one starts it. */
    static final class DueExportSchedules {

        private final ExportSchedules schedules;

        DueExportSchedules(ExportSchedules schedules) {
            this.schedules = schedules;
        }

        @Scheduled(fixedDelayString = "${meridian.exports.scheduler-poll:60s}", initialDelayString = "${meridian.exports.scheduler-poll:60s}")
        void run() {
            schedules.runDue();
        }
    }
}
