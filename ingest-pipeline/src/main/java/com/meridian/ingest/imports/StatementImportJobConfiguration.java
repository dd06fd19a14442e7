package com.meridian.ingest.imports;

import java.nio.file.Path;
import java.util.Optional;
import java.util.UUID;

import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

import com.meridian.categorizer.TransactionCategorizer;
import com.meridian.ingest.imports.csv.CsvProfile;
import com.meridian.ingest.imports.csv.CsvProfiles;
import com.meridian.ingest.imports.internal.MergeStagedEntries;
import com.meridian.ingest.imports.internal.StagedEntry;
import com.meridian.ingest.imports.internal.StagingWriter;
import com.meridian.ingest.imports.internal.StatementEntryProcessor;
import com.meridian.ingest.imports.internal.StatementFileReader;
import com.meridian.ingest.imports.internal.UploadCleanup;
import com.meridian.ingest.jobs.JobProgress;
import com.meridian.ingest.jobs.JobRunLauncher;
import com.meridian.ingest.jobs.JobRunListener;
import com.meridian.ingest.jobs.RejectedEntryException;
import com.meridian.ingest.jobs.RejectedEntryRecorder;
import com.meridian.tenancy.TenantDatabase;
import com.meridian.tenancy.TenantId;

/**
 * The statement import job: {@code stage} reads the file (format and charset from its content), checks each
 * entry, categorizes a chunk at a time and writes it to {@code import_staging}; {@code merge} moves the run's
 * rows into {@code transactions}, de-duplicated. Rejected entries are skipped up to
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

    @Bean
    Job statementImportJob(JobRepository jobRepository, Step stageStatementEntries, Step mergeStagedEntries,
            JobRunListener jobRunListener, ImportProperties properties) {
        return new JobBuilder(JOB_NAME, jobRepository).listener(jobRunListener)
                .listener(new UploadCleanup(properties.storageDir(), FILE))
                .start(stageStatementEntries).next(mergeStagedEntries).build();
    }

    @Bean
    Step stageStatementEntries(JobRepository jobRepository, PlatformTransactionManager transactionManager,
            StatementFileReader statementFileReader, StatementEntryProcessor statementEntryProcessor,
            StagingWriter stagingWriter, RejectedEntryRecorder rejectedEntryRecorder, JobProgress jobProgress,
            ImportProperties properties) {
        return new StepBuilder("stage", jobRepository).<StatementEntry, StagedEntry>chunk(properties.chunkSize())
                .transactionManager(transactionManager)
                .reader(statementFileReader).processor(statementEntryProcessor).writer(stagingWriter)
                .faultTolerant().skip(RejectedEntryException.class).skipLimit(properties.skipLimit())
                .skipListener(rejectedEntryRecorder).listener(jobProgress.listener(statementFileReader))
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
    StatementFileReader statementFileReader(@Value("#{jobParameters['" + FILE + "']}") String file,
            @Value("#{jobParameters['tenantId']}") String tenant,
            @Value("#{jobParameters['" + CSV_PROFILE + "']}") String profileCode, CsvProfiles profiles,
            RejectedEntryRecorder recorder) {
        CsvProfile profile = profiles.find(new TenantId(UUID.fromString(tenant)), profileCode)
                .orElseThrow(() -> new UnreadableStatementException("CSV_PROFILE_UNKNOWN",
                        "the tenant has no CSV profile " + profileCode, null));
        return new StatementFileReader(Path.of(file), profile, recorder);
    }

    @Bean
    @StepScope
    StatementEntryProcessor statementEntryProcessor(@Value("#{jobParameters['tenantId']}") String tenant,
            @Value("#{jobParameters['" + ACCOUNT_ID + "']}") String account, TenantDatabase database) {
        TenantId tenantId = new TenantId(UUID.fromString(tenant));
        return new StatementEntryProcessor(account == null ? null : UUID.fromString(account),
                identifier -> findAccount(database, tenantId, identifier));
    }

    @Bean
    @StepScope
    StagingWriter stagingWriter(@Value("#{jobParameters['tenantId']}") String tenant,
            @Value("#{jobParameters['jobRunId']}") String run, TenantDatabase database,
            TransactionCategorizer categorizer) {
        return new StagingWriter(database, categorizer, new TenantId(UUID.fromString(tenant)), UUID.fromString(run));
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
