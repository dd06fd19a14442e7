package com.meridian.ingest.jobs;

import java.time.Clock;

import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

import com.meridian.ingest.jobs.internal.JobRunStore;
import com.meridian.tenancy.TenantDatabase;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;

/** The shared job-run infrastructure: launcher, listeners and the read side. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(JobsProperties.class)
public class JobsConfiguration {

    @Bean
    JobRunStore jobRunStore(TenantDatabase database, PlatformTransactionManager transactionManager) {
        return new JobRunStore(database, transactionManager);
    }

    @Bean(destroyMethod = "shutdown")
    ThreadPoolTaskExecutor meridianJobExecutor(JobsProperties properties) {
        ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
        executor.setCorePoolSize(properties.concurrentRuns());
        executor.setMaxPoolSize(properties.concurrentRuns());
        executor.setThreadNamePrefix("meridian-job-");
        // a job killed by shutdown is resumed from its last chunk; waiting for it would block the shutdown
        executor.setWaitForTasksToCompleteOnShutdown(false);
        executor.initialize();
        return executor;
    }

    @Bean
    JobRunLauncher jobRunLauncher(JobOperator jobOperator, JobRepository jobRepository, JobRunStore store,
            ThreadPoolTaskExecutor meridianJobExecutor) {
        return new JobRunLauncher(jobOperator, jobRepository, store, meridianJobExecutor);
    }

    @Bean
    JobRunListener jobRunListener(JobRunStore store) {
        return new JobRunListener(store);
    }

    @Bean
    JobProgress jobProgress(JobRunStore store, ObjectProvider<MeterRegistry> meters, JobsProperties properties) {
        // without actuator (module tests) there is no registry bean; the global one still counts
        return new JobProgress(store, meters.getIfAvailable(() -> Metrics.globalRegistry), properties, Clock.systemUTC());
    }

    @Bean
    RejectedEntryRecorder rejectedEntryRecorder(JobRunStore store) {
        return new RejectedEntryRecorder(store);
    }

    @Bean
    JobRuns jobRuns(JobRunStore store) {
        return new JobRuns(store);
    }
}
