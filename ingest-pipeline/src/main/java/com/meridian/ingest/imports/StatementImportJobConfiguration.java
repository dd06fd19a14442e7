package com.meridian.ingest.imports;

import java.nio.file.Path;
import java.util.Optional;
import java.util.UUID;

import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.flow.JobExecutionDecider;
import org.springframework.batch.core.listener.StepListener;
import org.springframework.batch.core.partition.support.TaskExecutorPartitionHandler;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.transaction.PlatformTransactionManager;

import com.meridian.categorizer.TransactionCategorizer;
import com.meridian.ingest.imports.csv.CsvProfile;
import com.meridian.ingest.imports.csv.CsvProfiles;
import com.meridian.ingest.imports.internal.ChooseWritePath;
import com.meridian.ingest.imports.internal.EntryRangePartitioner;
import com.meridian.ingest.imports.internal.MergeStagedEntries;
import com.meridian.ingest.imports.internal.Occurrences;
import com.meridian.ingest.imports.internal.PreparedEntry;
import com.meridian.ingest.imports.internal.PreparedEntryCheck;
import com.meridian.ingest.imports.internal.ReadAheadReader;
import com.meridian.ingest.imports.internal.StageInPartitions;
import com.meridian.ingest.imports.internal.SkipLimitOverPartitions;
import com.meridian.ingest.imports.internal.StagingWriter;
import com.meridian.ingest.imports.internal.StatementEntryProcessor;
import com.meridian.ingest.imports.internal.StatementFileReader;
import com.meridian.ingest.imports.internal.TransactionWriter;
import com.meridian.ingest.imports.internal.WritePath;
import com.meridian.ingest.imports.internal.UploadCleanup;
import com.meridian.ingest.imports.schedule.internal.ScheduledFileRecords;
import com.meridian.ingest.imports.schedule.internal.SettleScheduledFile;
import com.meridian.ingest.jobs.JobProgress;
import com.meridian.ingest.jobs.JobRunLauncher;
import com.meridian.ingest.jobs.JobRunListener;
import com.meridian.ingest.jobs.JobsProperties;
import com.meridian.ingest.jobs.RejectedEntryRecorder;
import com.meridian.tenancy.TenantDatabase;
import com.meridian.tenancy.TenantId;

/**
 * The statement import job: {@code plan} reads the file once to choose its {@link WritePath}; {@code stage}
 * reads it (format and charset from its content), checks and categorizes each entry ahead of the step
 * ({@link ReadAheadReader}) and writes a chunk at a time, straight into {@code transactions} on the direct path
 * or into {@code import_staging} on the staged one; {@code merge} moves a staged run's rows into
 * {@code transactions}, de-duplicated. An upload of at least {@link ImportProperties#partitionThreshold()} is
 * staged by {@code partitionedStage} instead: {@link EntryRangePartitioner} splits its entries into
 * {@link ImportProperties#partitionGridSize()} ranges, and {@code stagePartition} (the same reader, checks and
 * writers) stages each range on a thread of its own. Rejected entries are skipped up to
 * {@link ImportProperties#skipLimit()} and recorded in {@code dead_letters}; a file that cannot be read at all
 * fails the run with the reason. Job parameters: {@value #FILE}, optional {@value #ACCOUNT_ID} and
 * {@value #CSV_PROFILE}, plus the tenant and run set by {@link JobRunLauncher}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ImportProperties.class)
public class StatementImportJobConfiguration {

    public static final String JOB_NAME = "statementImport";
    public static final String FILE = "file";
    public static final String ACCOUNT_ID = "accountId";
    public static final String CSV_PROFILE = "csvProfile";
    /** Set when an import schedule took the file: the schedule, and the file's SHA-256 (its name is the origin). */
    public static final String IMPORT_SCHEDULE_ID = "importScheduleId";
    public static final String FILE_SHA256 = "fileSha256";

    /** Entries per call to the categorizer while reading ahead. */
    private static final int CATEGORIZER_BATCH = 1000;

    /** Name of the partitioned stage's worker step; its executions are {@code stagePartition:entries-000} etc. */
    static final String PARTITION_STEP = "stagePartition";

    @Bean
    Job statementImportJob(JobRepository jobRepository, Step chooseImportWritePath, Step stageStatementEntries,
            Step stageStatementEntriesInPartitions, Step mergeStagedEntries, JobRunListener jobRunListener,
            ImportProperties properties, TenantDatabase database) {
        // decided from the plan's entry in the job's context, so a restarted run takes the branch it took before
        JobExecutionDecider partitioned = new StageInPartitions();
        return new JobBuilder(JOB_NAME, jobRepository).listener(jobRunListener)
                .listener(new UploadCleanup(properties.storageDir(), FILE))
                .listener(new SettleScheduledFile(new ScheduledFileRecords(database), IMPORT_SCHEDULE_ID, FILE_SHA256, FILE))
                .start(chooseImportWritePath).next(partitioned)
                .on(StageInPartitions.PARTITIONED).to(stageStatementEntriesInPartitions).next(mergeStagedEntries)
                .from(partitioned).on("*").to(stageStatementEntries).next(mergeStagedEntries)
                .end().build();
    }

    @Bean
    Step chooseImportWritePath(JobRepository jobRepository, PlatformTransactionManager transactionManager,
            ChooseWritePath chooseWritePath) {
        return new StepBuilder("plan", jobRepository).tasklet(chooseWritePath, transactionManager).build();
    }

    @Bean
    Step stageStatementEntries(JobRepository jobRepository, PlatformTransactionManager transactionManager,
            ReadAheadReader statementReader, ItemWriter<PreparedEntry> statementWriter,
            RejectedEntryRecorder rejectedEntryRecorder, JobProgress jobProgress, ImportProperties properties) {
        return stage("stage", jobRepository, transactionManager, statementReader, statementWriter,
                rejectedEntryRecorder, jobProgress.listener(statementReader), properties);
    }

    @Bean
    JobProgress.PartitionedStepListener partitionedStageProgress(JobProgress jobProgress) {
        return jobProgress.partitionedListener(PARTITION_STEP, new EntryRangePartitioner.Positions());
    }

    @Bean
    Step stageStatementEntriesInPartitions(JobRepository jobRepository, EntryRangePartitioner entryRangePartitioner,
            TaskExecutorPartitionHandler stagePartitionHandler,
            JobProgress.PartitionedStepListener partitionedStageProgress) {
        return new StepBuilder("partitionedStage", jobRepository).partitioner(PARTITION_STEP, entryRangePartitioner)
                .partitionHandler(stagePartitionHandler).listener(partitionedStageProgress).build();
    }

    /** The worker of the partitioned stage: the stage over one partition's range of entries. */
    @Bean
    Step stagePartition(JobRepository jobRepository, PlatformTransactionManager transactionManager,
            ReadAheadReader statementReader, ItemWriter<PreparedEntry> statementWriter,
            RejectedEntryRecorder rejectedEntryRecorder, JobProgress.PartitionedStepListener partitionedStageProgress,
            ImportProperties properties) {
        return stage(PARTITION_STEP, jobRepository, transactionManager, statementReader, statementWriter,
                rejectedEntryRecorder, partitionedStageProgress, properties);
    }

    /** Runs each partition on a thread of this JVM (remote partitioning would send them to other instances). */
    @Bean
    TaskExecutorPartitionHandler stagePartitionHandler(Step stagePartition, ThreadPoolTaskExecutor importPartitionExecutor,
            ImportProperties properties) {
        TaskExecutorPartitionHandler handler = new TaskExecutorPartitionHandler();
        handler.setStep(stagePartition);
        handler.setTaskExecutor(importPartitionExecutor);
        handler.setGridSize(properties.partitionGridSize());
        return handler;
    }

    /** A grid of threads for each job run this node executes at once, so no import waits for another's partitions. */
    @Bean(destroyMethod = "shutdown")
    ThreadPoolTaskExecutor importPartitionExecutor(ImportProperties properties, JobsProperties jobs) {
        ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
        executor.setCorePoolSize(properties.partitionGridSize() * jobs.concurrentRuns());
        executor.setMaxPoolSize(properties.partitionGridSize() * jobs.concurrentRuns());
        executor.setThreadNamePrefix("import-partition-");
        // like the job executor: a partition killed by shutdown resumes from its last chunk on restart
        executor.setWaitForTasksToCompleteOnShutdown(false);
        executor.initialize();
        return executor;
    }

    @Bean
    @StepScope
    EntryRangePartitioner entryRangePartitioner(
            @Value("#{jobExecutionContext['" + EntryRangePartitioner.ENTRIES + "']}") Long entries) {
        return new EntryRangePartitioner(entries);
    }

    /** The stage step: on its own ({@code stage}), or as the worker of the partitioned stage ({@code stagePartition}). */
    private static Step stage(String name, JobRepository jobRepository, PlatformTransactionManager transactionManager,
            ReadAheadReader statementReader, ItemWriter<PreparedEntry> statementWriter,
            RejectedEntryRecorder rejectedEntryRecorder, StepListener progressListener, ImportProperties properties) {
        return new StepBuilder(name, jobRepository).<PreparedEntry, PreparedEntry>chunk(properties.chunkSize())
                .transactionManager(transactionManager)
                .reader(statementReader).processor(new PreparedEntryCheck()).writer(statementWriter)
                .faultTolerant().skipPolicy(new SkipLimitOverPartitions(properties.skipLimit(), PARTITION_STEP))
                .skipListener(rejectedEntryRecorder).listener(progressListener)
                .build();
    }

    @Bean
    Step mergeStagedEntries(JobRepository jobRepository, PlatformTransactionManager transactionManager,
            TenantDatabase database, ImportProperties properties) {
        return new StepBuilder("merge", jobRepository)
                .tasklet(new MergeStagedEntries(database, properties.mergeWorkMem()), transactionManager).build();
    }

    @Bean
    @StepScope
    ChooseWritePath chooseWritePath(@Value("#{jobParameters['" + FILE + "']}") String file,
            @Value("#{jobParameters['tenantId']}") String tenant,
            @Value("#{jobParameters['" + CSV_PROFILE + "']}") String profileCode,
            @Value("#{jobParameters['" + ACCOUNT_ID + "']}") String account, CsvProfiles profiles,
            TenantDatabase database, ImportProperties properties) {
        TenantId tenantId = new TenantId(UUID.fromString(tenant));
        return new ChooseWritePath(Path.of(file), profile(profiles, tenant, profileCode), account != null,
                () -> database.inTenant(tenantId, sql -> sql.sql("""
                        select exists (select 1 from transactions where status = 'pending' and source = 'file')""")
                        .query(Boolean.class).single()), properties.partitionThreshold().toBytes());
    }

    @Bean
    @StepScope
    ReadAheadReader statementReader(@Value("#{jobParameters['" + FILE + "']}") String file,
            @Value("#{jobParameters['tenantId']}") String tenant,
            @Value("#{jobParameters['" + CSV_PROFILE + "']}") String profileCode,
            @Value("#{jobParameters['" + ACCOUNT_ID + "']}") String account,
            @Value("#{jobExecutionContext['" + WritePath.CONTEXT_KEY + "']}") String writePath, CsvProfiles profiles,
            RejectedEntryRecorder recorder, TenantDatabase database, TransactionCategorizer categorizer,
            ImportProperties properties) {
        TenantId tenantId = new TenantId(UUID.fromString(tenant));
        StatementFileReader fileReader = new StatementFileReader(Path.of(file), profile(profiles, tenant, profileCode),
                recorder);
        StatementEntryProcessor checks = new StatementEntryProcessor(account == null ? null : UUID.fromString(account),
                identifier -> findAccount(database, tenantId, identifier));
        Occurrences occurrences = WritePath.of(writePath) == WritePath.DIRECT ? new Occurrences() : null;
        return new ReadAheadReader(fileReader, checks, occurrences, categorizer, tenantId, recorder,
                Math.min(properties.chunkSize(), CATEGORIZER_BATCH), properties.chunkSize());
    }

    @Bean
    @StepScope
    ItemWriter<PreparedEntry> statementWriter(@Value("#{jobParameters['tenantId']}") String tenant,
            @Value("#{jobParameters['jobRunId']}") String run,
            @Value("#{jobExecutionContext['" + WritePath.CONTEXT_KEY + "']}") String writePath,
            TenantDatabase database) {
        TenantId tenantId = new TenantId(UUID.fromString(tenant));
        return WritePath.of(writePath) == WritePath.DIRECT
                ? new TransactionWriter(database, tenantId, UUID.fromString(run))
                : new StagingWriter(database, tenantId, UUID.fromString(run));
    }

    private static CsvProfile profile(CsvProfiles profiles, String tenant, String profileCode) {
        return profiles.find(new TenantId(UUID.fromString(tenant)), profileCode)
                .orElseThrow(() -> new UnreadableStatementException("CSV_PROFILE_UNKNOWN",
                        "the tenant has no CSV profile " + profileCode, null));
    }

    @Bean
    CsvProfiles csvProfiles(TenantDatabase database) {
        return new CsvProfiles(database);
    }

    @Bean
    StatementImports statementImports(JobRunLauncher launcher, Job statementImportJob, ImportProperties properties,
            TenantDatabase database) {
        return new StatementImports(launcher, statementImportJob, properties, database);
    }

    private static Optional<UUID> findAccount(TenantDatabase database, TenantId tenant, String identifier) {
        String normalised = identifier.replace(" ", "").toUpperCase();
        return database.inTenant(tenant, sql -> sql.sql("""
                select account_id from bank_accounts where iban = ? or account_number = ? or external_ref = ?
                order by account_id limit 1""").params(normalised, identifier, identifier).query(UUID.class).optional());
    }
}
