package com.meridian.ingest.imports.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The character set of a text statement, from its first bytes: a byte order mark (UTF-8, UTF-16LE/BE), the zero
 * bytes of UTF-16 without one, else UTF-8 when the bytes are valid UTF-8, else the bank profile's character set
 * (CP850, CP852) when it names one, else Windows-1252, which every byte decodes to.
 */
final class TextDecoding {

    private TextDecoding() {
    }

    static Charset detect(byte[] head, int length, String profileCharset) {
        if (length >= 3 && (head[0] & 0xff) == 0xef && (head[1] & 0xff) == 0xbb && (head[2] & 0xff) == 0xbf) {
            return StandardCharsets.UTF_8;
        }
        if (length >= 2 && (head[0] & 0xff) == 0xff && (head[1] & 0xff) == 0xfe) {
            return StandardCharsets.UTF_16LE;
        }
        if (length >= 2 && (head[0] & 0xff) == 0xfe && (head[1] & 0xff) == 0xff) {
            return StandardCharsets.UTF_16BE;
        }
        if (length >= 2 && head[0] != 0 && head[1] == 0) {
            return StandardCharsets.UTF_16LE;
        }
        if (length >= 2 && head[0] == 0 && head[1] != 0) {
            return StandardCharsets.UTF_16BE;
        }
        if (isUtf8(head, length)) {
            return StandardCharsets.UTF_8;
        }
        return profileCharset != null ? Charset.forName(profileCharset) : Charset.forName("windows-1252");
    }

    /** A reader over {@code in} in {@code charset}, past its byte order mark. */
    static Reader reader(InputStream in, Charset charset) throws IOException {
        int bom = charset.equals(StandardCharsets.UTF_8) ? 3 : charset.name().startsWith("UTF-16") ? 2 : 0;
        in.mark(4);
        byte[] start = in.readNBytes(bom);
        if (!hasBom(start)) {
            in.reset();
        }
        return new InputStreamReader(in, charset);
    }

    private static boolean hasBom(byte[] start) {
        if (start.length == 3) {
            return (start[0] & 0xff) == 0xef && (start[1] & 0xff) == 0xbb && (start[2] & 0xff) == 0xbf;
        }
        return start.length == 2 && ((start[0] & 0xff) + (start[1] & 0xff)) == 0xff + 0xfe;
    }

    private static boolean isUtf8(byte[] head, int length) {
        // a multi-byte character cut at the end of the sample is not evidence against UTF-8
        for (int cut = 0; cut < 4 && cut <= length; cut++) {
            if (decodes(head, length - cut)) {
                return true;
            }
        }
        return false;
    }

    private static boolean decodes(byte[] bytes, int length) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes, 0, length));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
