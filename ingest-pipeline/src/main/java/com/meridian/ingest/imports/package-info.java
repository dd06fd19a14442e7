/**
 * Bulk statement imports: one Spring Batch job per uploaded file ({@link
 * com.meridian.ingest.imports.StatementImportJobConfiguration}). The format and character set are detected from
 * the content; each format has its own streaming parser package ({@code csv}, {@code camt}); entries are
 * validated, categorized in batches, staged by chunk and merged into {@code transactions} once, de-duplicated by
 * the bank's id or by fingerprint and occurrence. Rejected entries go to {@code dead_letters}.
 */
package com.meridian.ingest.imports;
