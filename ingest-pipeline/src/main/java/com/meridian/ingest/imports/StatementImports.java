package com.meridian.ingest.imports;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.springframework.batch.core.job.Job;

import com.meridian.ingest.jobs.JobRunLauncher;
import com.meridian.ingest.jobs.JobRunParameters;
import com.meridian.ingest.jobs.JobType;
import com.meridian.tenancy.TenantDatabase;
import com.meridian.tenancy.TenantId;

/**
 * Starts statement imports: one job run per file. An upload is first streamed to the storage directory (never
 * held in memory, cut off at the configured maximum), then imported asynchronously; the caller gets the job run
 * id at once.
 */
public class StatementImports {

    private final JobRunLauncher launcher;
    private final Job statementImportJob;
    private final ImportProperties properties;
    private final TenantDatabase database;

    public StatementImports(JobRunLauncher launcher, Job statementImportJob, ImportProperties properties,
            TenantDatabase database) {
        this.database = database;
        this.launcher = launcher;
        this.statementImportJob = statementImportJob;
        this.properties = properties;
    }

    /**
     * Imports a stored file.
     *
     * @param account    the account every entry belongs to, or null to find it from the file's identifiers
     * @param csvProfile the tenant's CSV profile for a CSV file, or null for the standard layout
     */
    public UUID start(TenantId tenant, Path file, String originalName, UUID account, String csvProfile,
            String requestedBy) {
        return start(tenant, file, originalName, account, csvProfile, requestedBy, Map.of());
    }

    /**
     * Imports a file an import schedule took from its folder; the job settles the schedule's record of the file
     * (imported or rejected) when it ends.
     */
    public UUID startScheduled(TenantId tenant, Path file, String fileName, UUID account, String csvProfile,
            UUID scheduleId, String sha256) {
        return start(tenant, file, fileName, account, csvProfile, "schedule:" + scheduleId,
                Map.of(StatementImportJobConfiguration.IMPORT_SCHEDULE_ID, scheduleId.toString(),
                        StatementImportJobConfiguration.FILE_SHA256, sha256));
    }

    private UUID start(TenantId tenant, Path file, String originalName, UUID account, String csvProfile,
            String requestedBy, Map<String, String> more) {
        if (account != null && !accountExists(tenant, account)) {
            throw new UnknownAccountException(account);
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put(StatementImportJobConfiguration.FILE, file.toAbsolutePath().toString());
        parameters.put(JobRunParameters.ORIGIN, originalName);
        if (account != null) {
            parameters.put(StatementImportJobConfiguration.ACCOUNT_ID, account.toString());
        }
        if (csvProfile != null) {
            parameters.put(StatementImportJobConfiguration.CSV_PROFILE, csvProfile);
        }
        parameters.putAll(more);
        return launcher.launch(tenant, JobType.STATEMENT_IMPORT, statementImportJob, parameters, requestedBy);
    }

    private boolean accountExists(TenantId tenant, UUID account) {
        return database.inTenant(tenant, sql -> sql.sql("select count(*) from bank_accounts where account_id = ?")
                .param(account).query(Long.class).single()) > 0;
    }

    /** Streams an upload to a new file in the storage directory; throws {@link UploadTooLargeException} past the limit. */
    public Path store(TenantId tenant, InputStream body) {
        try {
            Path directory = Files.createDirectories(properties.storageDir().resolve(tenant.toString()));
            Path file = directory.resolve(UUID.randomUUID() + ".upload");
            copyLimited(body, file, properties.maxUpload().toBytes());
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store the upload", e);
        }
    }

    private static void copyLimited(InputStream body, Path file, long limit) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        try (OutputStream out = Files.newOutputStream(file)) {
            for (int n = body.read(buffer); n >= 0; n = body.read(buffer)) {
                total += n;
                if (total > limit) {
                    out.close();
                    Files.deleteIfExists(file);
                    throw new UploadTooLargeException(limit);
                }
                out.write(buffer, 0, n);
            }
        }
    }

    /** An import for an account the tenant does not have. */
    public static class UnknownAccountException extends RuntimeException {
        public UnknownAccountException(UUID account) {
            super("the tenant has no bank account " + account);
        }
    }

    /** An upload larger than {@code meridian.imports.max-upload}. */
    public static class UploadTooLargeException extends RuntimeException {
        public UploadTooLargeException(long limit) {
            super("the upload is larger than " + limit + " bytes");
        }
    }
}
