package com.meridian.ingest.imports.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;

/**
 * Deletes an uploaded file once its import has completed; a failed or stopped import keeps it, so it can be
 * restarted. Only files in the upload storage directory are ever deleted, never a file the caller pointed at.
 */
public class UploadCleanup implements JobExecutionListener {

    private static final Logger log = LoggerFactory.getLogger(UploadCleanup.class);

    private final Path storageDir;
    private final String fileParameter;

    public UploadCleanup(Path storageDir, String fileParameter) {
        this.storageDir = storageDir.toAbsolutePath().normalize();
        this.fileParameter = fileParameter;
    }

    @Override
    public void afterJob(JobExecution execution) {
        String file = execution.getJobParameters().getString(fileParameter);
        if (execution.getStatus() != BatchStatus.COMPLETED || file == null) {
            return;
        }
        Path upload = Path.of(file).toAbsolutePath().normalize();
        if (!upload.startsWith(storageDir)) {
            return;
        }
        try {
            Files.deleteIfExists(upload);
        } catch (IOException e) {
            log.warn("could not delete the imported upload {}", upload, e);
        }
    }
}
