package com.meridian.ingest.imports;

import org.springframework.boot.autoconfigure.SpringBootApplication;

import com.meridian.ingest.jobs.JobsConfiguration;

/**
 * The application context of the import and job-run integration tests: the real job-run infrastructure, the
 * import job, the real categorizer (auto-configured from the categorizer module) and Batch over the
 * Flyway-migrated job repository.
 */
@SpringBootApplication(scanBasePackageClasses = {JobsConfiguration.class, StatementImportJobConfiguration.class})
public class ImportTestApplication {
}
