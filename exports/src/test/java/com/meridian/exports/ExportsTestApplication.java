package com.meridian.exports;

import org.springframework.boot.autoconfigure.SpringBootApplication;

import com.meridian.ingest.jobs.JobsConfiguration;

/** The exports and the job-run infrastructure they use, without the rest of the platform. */
@SpringBootApplication(scanBasePackageClasses = {ExportsConfiguration.class, JobsConfiguration.class})
class ExportsTestApplication {
}
