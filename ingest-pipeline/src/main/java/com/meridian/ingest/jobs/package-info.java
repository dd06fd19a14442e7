/**
 * Long jobs as a tenant sees them: a Spring Batch job launched for one tenant is recorded in {@code job_runs}
 * (status, items read, written and skipped, percent of the input, rate and time left), its progress goes to
 * logs and Micrometer, and every entry it rejects goes to {@code dead_letters} with its position and reason.
 *
 * <p>Import and export jobs use the same pieces: {@link com.meridian.ingest.jobs.JobRunLauncher} to start and
 * resume a run, {@link com.meridian.ingest.jobs.JobRunListener} on the job,
 * {@link com.meridian.ingest.jobs.JobProgress#listener} and {@link com.meridian.ingest.jobs.RejectedEntryRecorder}
 * on each chunk step, and {@link com.meridian.ingest.jobs.JobRuns} to read runs back.
 */
package com.meridian.ingest.jobs;
