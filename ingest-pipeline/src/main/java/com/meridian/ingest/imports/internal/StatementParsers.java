package com.meridian.ingest.imports.internal;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import com.meridian.ingest.imports.StatementFormat;
import com.meridian.ingest.imports.StatementParser;
import com.meridian.ingest.imports.UnreadableStatementException;
import com.meridian.ingest.imports.bai2.Bai2StatementParser;
import com.meridian.ingest.imports.camt.CamtStatementParser;
import com.meridian.ingest.imports.csv.CsvProfile;
import com.meridian.ingest.imports.csv.CsvStatementParser;
import com.meridian.ingest.imports.mt940.Mt940StatementParser;
import com.meridian.ingest.imports.ofx.OfxStatementParser;

/** Picks the parser for one document from its content: format first, then (for text formats) the charset. */
final class StatementParsers {

    private static final int SAMPLE = 16 * 1024;

    private StatementParsers() {
    }

    /** Opens a parser over {@code in}, which must support mark and reset. */
    static StatementParser open(BufferedInputStream in, String prefix, CsvProfile profile) throws IOException {
        in.mark(SAMPLE);
        byte[] head = in.readNBytes(SAMPLE);
        in.reset();
        if (head.length == 0) {
            throw new UnreadableStatementException("FILE_EMPTY", "the file is empty", null);
        }
        Charset charset = TextDecoding.detect(head, head.length, profile.charset());
        String text = new String(head, charset.name().startsWith("UTF-16") ? charset : StandardCharsets.ISO_8859_1);
        StatementFormat format = StatementFormat.detect(head, text);
        return switch (format) {
            case CAMT -> new CamtStatementParser(in, prefix);
            case BAI2 -> new Bai2StatementParser(TextDecoding.reader(in, charset), prefix);
            case OFX -> new OfxStatementParser(TextDecoding.reader(in, charset), prefix);
            case MT940 -> new Mt940StatementParser(TextDecoding.reader(in, charset), prefix);
            case CSV -> new CsvStatementParser(TextDecoding.reader(in, charset), profile, prefix);
            case ZIP -> throw new UnreadableStatementException("ZIP_NESTED", "a zip inside a zip is not read", null);
        };
    }

    static BufferedInputStream buffered(InputStream in) {
        return new BufferedInputStream(in, 64 * 1024);
    }

    static boolean isZip(BufferedInputStream in) throws IOException {
        in.mark(4);
        byte[] head = in.readNBytes(4);
        in.reset();
        return StatementFormat.detect(head, "") == StatementFormat.ZIP;
    }
}
