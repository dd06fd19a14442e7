package com.meridian.ingest.jobs;

/** The kinds of tenant-visible job runs; the code is the {@code job_runs.job_type} value. */
public enum JobType {
    STATEMENT_IMPORT("statement_import"),
    EXPORT("export"),
    INVOICING("invoicing"),
    RETENTION_PURGE("retention_purge"),
    ERASURE("erasure"),
    TRAINING("training");

    private final String code;

    JobType(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }
}
