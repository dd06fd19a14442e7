package com.meridian.ingest.imports.schedule;

import java.time.Clock;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

import com.meridian.ingest.imports.ImportProperties;
import com.meridian.ingest.imports.StatementImports;
import com.meridian.ingest.imports.csv.CsvProfiles;
import com.meridian.ingest.jobs.JobRuns;
import com.meridian.tenancy.TenantDatabase;

/**
 * Import schedules and their poller ({@code meridian.imports.scheduler-enabled}, every
 * {@code meridian.imports.scheduler-poll}, 60 s by default). Any number of nodes may poll: a due schedule runs on
 * the one whose claim moves it to its next time, and a file is taken by the one that records it first.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
public class ImportSchedulesConfiguration {

    @Bean
    ImportSchedules importSchedules(TenantDatabase database, StatementImports imports, JobRuns runs,
            CsvProfiles profiles, ImportProperties properties) {
        return new ImportSchedules(database, imports, runs, profiles, properties, Clock.systemUTC());
    }

    @Bean
    @ConditionalOnBooleanProperty(name = "meridian.imports.scheduler-enabled", matchIfMissing = true)
    DueImportSchedules dueImportSchedules(ImportSchedules schedules) {
        return new DueImportSchedules(schedules);
    }

    /** Polls for due schedules. */
    static final class DueImportSchedules {

        private final ImportSchedules schedules;

        DueImportSchedules(ImportSchedules schedules) {
            this.schedules = schedules;
        }

        @Scheduled(fixedDelayString = "${meridian.imports.scheduler-poll:60s}",
                initialDelayString = "${meridian.imports.scheduler-poll:60s}")
        void run() {
            schedules.runDue();
        }
    }
}
