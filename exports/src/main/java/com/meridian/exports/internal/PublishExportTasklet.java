package com.meridian.exports.internal;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

import com.meridian.exports.ExportManifest;

/**
 * Publishes a fully written export: the manifest is written beside the files, the files go to the store and
 * the manifest last, then the {@code exports} row becomes {@code completed} with the manifest. Until that row
 * says so, the API offers nothing to download. An export made by a schedule then applies the schedule's
 * retention.
 */
public class PublishExportTasklet implements Tasklet {

    private static final Logger log = LoggerFactory.getLogger(PublishExportTasklet.class);
    static final String MANIFEST = "manifest.json";

    private final ExportRun run;
    private final ExportStore store;
    private final ExportRecords records;
    private final Retention retention;

    public PublishExportTasklet(ExportRun run, ExportStore store, ExportRecords records, Retention retention) {
        this.run = run;
        this.store = store;
        this.records = records;
        this.retention = retention;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
        String written = chunkContext.getStepContext().getStepExecution().getJobExecution().getExecutionContext()
                .getString(ExportCheckpoint.ALL_ROWS_WRITTEN, null);
        if (written == null) {
            throw new IllegalStateException("the rows step of export " + run.exportId() + " left no description of its files");
        }
        ExportManifest manifest = run.manifest(written);
        Files.writeString(run.staging().resolve(MANIFEST), ExportRecords.JSON.writerWithDefaultPrettyPrinter()
                .writeValueAsString(manifest));
        List<String> files = new ArrayList<>(manifest.files().stream().map(ExportManifest.File::path).toList());
        files.add(MANIFEST);
        store.publish(run.tenant(), run.exportId(), run.staging(), files);
        records.completed(run.tenant(), run.exportId(), manifest);
        run.discard();
        // a schedule's older exports go only now that a newer one is complete, never before
        records.scheduleOf(run.tenant(), run.exportId()).ifPresent(schedule -> retention.apply(run.tenant(), schedule));
        log.info("export {} of tenant {} published: {} rows in {} files at {}", run.exportId(), run.tenant(),
                manifest.rows(), manifest.files().size(), store.location(run.tenant(), run.exportId()));
        return RepeatStatus.FINISHED;
    }
}
