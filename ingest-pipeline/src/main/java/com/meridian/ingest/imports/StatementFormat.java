package com.meridian.ingest.imports;

import java.util.regex.Pattern;

/** The statement formats, recognised by their first bytes, never by the file name. */
public enum StatementFormat {
    CAMT, OFX, MT940, BAI2, CSV, ZIP;

    /** A statement tag of MT940/MT942 at the start of a line, or a SWIFT FIN envelope. */
    private static final Pattern SWIFT_TAG =
            Pattern.compile("(?m)^(:(20|25|28C?|34F|60[FM]|61|62[FM]|64|65|86):|\\{1:F01)");
    /**
     * A first line that reads as a BAI2 record (two-digit record code, comma, ending with the {@code /} that ends
     * BAI2 records) whatever its code: a file with a broken header is a broken BAI2 file, not a CSV.
     */
    private static final Pattern BAI2_RECORD = Pattern.compile("^\\d{2},[^\\r\\n]*/[ \\t]*(\\r?\\n|$)");

    /** The format of a file that starts with {@code head} (its first kilobytes, already decoded as text). */
    public static StatementFormat detect(byte[] head, String text) {
        if (head.length >= 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4) {
            return ZIP;
        }
        String start = text.stripLeading();
        if (start.contains("urn:iso:std:iso:20022:tech:xsd:camt.05")) {
            return CAMT;
        }
        if (start.startsWith("OFXHEADER") || start.contains("<OFX>") || start.contains("<?OFX")) {
            return OFX;
        }
        if (start.startsWith("01,") || BAI2_RECORD.matcher(start).find()) {
            return BAI2;
        }
        if (SWIFT_TAG.matcher(start).find()) {
            return MT940;
        }
        return CSV;
    }

}
