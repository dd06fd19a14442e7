package com.meridian.exports;

import java.io.IOException;
import java.util.List;
import java.util.UUID;

import org.springframework.batch.core.configuration.annotation.JobScope;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.listener.ExecutionContextPromotionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

import com.meridian.exports.internal.ExportCheckpoint;
import com.meridian.exports.internal.ExportOutcomeListener;
import com.meridian.exports.internal.ExportRecords;
import com.meridian.exports.internal.ExportRowReader;
import com.meridian.exports.internal.ExportRowWriter;
import com.meridian.exports.internal.ExportRun;
import com.meridian.exports.internal.ExportStore;
import com.meridian.exports.internal.PageRowCounts;
import com.meridian.exports.internal.PublishExportTasklet;
import com.meridian.exports.internal.Retention;
import com.meridian.exports.internal.WriterSizes;
import com.meridian.ingest.jobs.JobProgress;
import com.meridian.ingest.jobs.JobRunListener;
import com.meridian.tenancy.TenantDatabase;
import com.meridian.tenancy.TenantId;

/**
 * The export job: {@code exportRows} reads the tenant's rows page by page and writes them, one page per chunk
 * (the page is Batch's item; progress still counts rows), into month-partitioned files in a staging folder (progress in {@code job_runs}, logs and
 * {@code meridian.job.items}); {@code publishExport} writes the manifest, moves the files to the store and
 * marks the export completed. A failure at any point marks it failed; nothing of it is downloadable. Restarted
 * ({@link com.meridian.ingest.jobs.JobRunLauncher#resume}), the job keeps the month files it had closed and reads
 * on after them, or, when the rows were all written, only publishes them.
 */
@Configuration(proxyBeanMethods = false)
public class AnalystExportJobConfiguration {

    public static final String JOB_NAME = "analystExport";

    @Bean
    Job analystExportJob(JobRepository jobRepository, Step exportRowsStep, Step publishExportStep,
            JobRunListener jobRunListener, ExportOutcomeListener exportOutcomeListener) {
        return new JobBuilder(JOB_NAME, jobRepository)
                .listener(jobRunListener)
                .listener(exportOutcomeListener)
                .start(exportRowsStep)
                .next(publishExportStep)
                .build();
    }

    @Bean
    Step exportRowsStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
            ExportRowReader exportRowReader, ExportRowWriter exportRowWriter, JobProgress jobProgress,
            ExportsProperties properties) {
        return new StepBuilder("exportRows", jobRepository)
                // a page of rowsPerChunk rows is one item, and one page is one chunk: one commit and checkpoint each
                .<List<Object[]>, List<Object[]>>chunk(1)
                .transactionManager(transactionManager)
                .reader(exportRowReader)
                .writer(exportRowWriter)
                .listener(new PageRowCounts())
                .listener(jobProgress.listener(exportRowReader))
                .listener(allRowsWrittenPromotion())
                .build();
    }

    /** Hands the description of every written file to the job, where a restarted publish step finds it too. */
    private static ExecutionContextPromotionListener allRowsWrittenPromotion() {
        ExecutionContextPromotionListener promotion = new ExecutionContextPromotionListener();
        promotion.setKeys(new String[] {ExportCheckpoint.ALL_ROWS_WRITTEN});
        promotion.setStrict(true);
        return promotion;
    }

    @Bean
    Step publishExportStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
            PublishExportTasklet publishExportTasklet) {
        return new StepBuilder("publishExport", jobRepository).tasklet(publishExportTasklet, transactionManager).build();
    }

    @Bean
    @JobScope
    ExportRun exportRun(TenantDatabase database, ExportRecords records, ExportsProperties properties,
            @Value("#{jobParameters['tenantId']}") String tenant, @Value("#{jobParameters['exportId']}") String exportId)
            throws IOException {
        return new ExportRun(database, records, TenantId.of(tenant), UUID.fromString(exportId), properties.stagingDirectory(),
                properties.rowsPerChunk(),
                new WriterSizes(properties.rowGroupBytes(), properties.pageBytes(), properties.maxRowsPerFile()));
    }

    @Bean
    @StepScope
    ExportRowReader exportRowReader(ExportRun exportRun) {
        return new ExportRowReader(exportRun);
    }

    @Bean
    @StepScope
    ExportRowWriter exportRowWriter(ExportRun exportRun) {
        return new ExportRowWriter(exportRun.writer());
    }

    @Bean
    @StepScope
    PublishExportTasklet publishExportTasklet(ExportRun exportRun, ExportStore exportStore, ExportRecords records,
            Retention exportRetention) {
        return new PublishExportTasklet(exportRun, exportStore, records, exportRetention);
    }

    @Bean
    ExportOutcomeListener exportOutcomeListener(ExportRecords records) {
        return new ExportOutcomeListener(records);
    }
}
