package com.meridian.exports;

/**
 * The file formats an analyst can ask for. Parquet keeps the column types (DECIMAL amounts with the currency's
 * scale, DATE, UTC TIMESTAMP, STRING); CSV follows RFC 4180 and is safe to open in a spreadsheet; JSON Lines
 * writes one object per transaction, amounts as exact decimal numbers.
 */
public enum ExportFormat {
    PARQUET("parquet"),
    CSV("csv"),
    JSONL("jsonl");

    private final String extension;

    ExportFormat(String extension) {
        this.extension = extension;
    }

    public String extension() {
        return extension;
    }
}
