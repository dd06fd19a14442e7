package com.meridian.ingest.jobs;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How tenant jobs run ({@code meridian.jobs.*}).
 *
 * @param concurrentRuns   job runs executed at once on this node; more are queued
 * @param progressInterval how often a running step writes its progress to {@code job_runs} and the log
 */
@ConfigurationProperties("meridian.jobs")
public record JobsProperties(@DefaultValue("2") int concurrentRuns, @DefaultValue("2s") Duration progressInterval) {
}
