package com.meridian.exports.internal;

import java.util.List;
import java.util.Map;

import com.meridian.exports.ExportManifest;

/**
 * What an export run has finished writing, kept in Batch's execution contexts as JSON: the columns, the closed
 * files (as the manifest will list them), the part numbers used per month, the totals and rows of those files,
 * and where the source continues after them ({@code resumeAfter}; null once every row is written, or when the
 * source cannot resume). A restarted run keeps these files when they are still in staging, unchanged, and reads
 * on from {@code resumeAfter}.
 */
public record ExportCheckpoint(List<ExportManifest.Column> columns, List<ExportManifest.File> files,
        Map<String, Integer> nextPart, List<ExportManifest.CurrencyTotal> totals, long rows, String resumeAfter) {

    /** The key in the {@code exportRows} step's execution context: the files of the rows read so far. */
    public static final String ROWS_CHECKPOINT = "export.checkpoint";
    /** The key in the job's execution context: every file, once all rows are written. */
    public static final String ALL_ROWS_WRITTEN = "export.written";

    String toJson() {
        return ExportRecords.JSON.writeValueAsString(this);
    }

    static ExportCheckpoint fromJson(String json) {
        return ExportRecords.JSON.readValue(json, ExportCheckpoint.class);
    }
}
