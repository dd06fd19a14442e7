package com.meridian.ingest.imports.schedule.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.listener.JobExecutionListener;

import com.meridian.ingest.jobs.JobRunListener;
import com.meridian.ingest.jobs.JobRunParameters;

/**
 * On an import job that a schedule started: when the job ends, records the file as imported or rejected (with
 * the first failure as the reason) and moves it from {@code .importing/} to {@code processed/} or
 * {@code rejected/}. A rejected file is imported again by dropping it again.
 */
public class SettleScheduledFile implements JobExecutionListener {

    private static final Logger log = LoggerFactory.getLogger(SettleScheduledFile.class);

    private final ScheduledFileRecords records;
    private final String scheduleParameter;
    private final String sha256Parameter;
    private final String fileParameter;

    public SettleScheduledFile(ScheduledFileRecords records, String scheduleParameter, String sha256Parameter,
            String fileParameter) {
        this.records = records;
        this.scheduleParameter = scheduleParameter;
        this.sha256Parameter = sha256Parameter;
        this.fileParameter = fileParameter;
    }

    @Override
    public void afterJob(JobExecution execution) {
        JobParameters parameters = execution.getJobParameters();
        String schedule = parameters.getString(scheduleParameter);
        if (schedule == null) {
            return;
        }
        boolean imported = execution.getStatus() == BatchStatus.COMPLETED;
        String reason = imported ? null : execution.getAllFailureExceptions().stream().findFirst()
                .map(JobRunListener::rootCause).orElse("the import ended " + execution.getStatus());
        records.settle(JobRunParameters.tenant(parameters), UUID.fromString(schedule), JobRunParameters.origin(parameters),
                parameters.getString(sha256Parameter), JobRunParameters.jobRun(parameters), imported, reason);
        Path taken = Path.of(parameters.getString(fileParameter));
        if (Files.exists(taken)) {
            DropFolder.containing(taken).moveInto(taken, imported ? DropFolder.PROCESSED : DropFolder.REJECTED);
        } else {
            log.warn("scheduled import {}: the file {} is gone", JobRunParameters.jobRun(parameters), taken);
        }
    }
}
