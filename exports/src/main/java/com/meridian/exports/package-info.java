/**
 * Analyst exports: a tenant's transactions, or reports derived from them, written by a Spring Batch job as
 * Parquet, CSV or JSON Lines, split Hive-style by booked month, described by a manifest (files, row counts,
 * SHA-256, totals per currency) and published whole to a directory or an S3-compatible store.
 *
 * <p>Public: {@link com.meridian.exports.Exports} (start, read, open, delete), {@link com.meridian.exports.ExportSchedules}
 * (cron schedules with retention), the request and view records, and the job's configuration. Writers, sources and
 * stores live in {@code internal}. Tables: {@code exports}, {@code export_schedules} (V60), both under row-level
 * security; progress is the job run's ({@code job_runs}).
 */
package com.meridian.exports;
