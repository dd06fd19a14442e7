package com.meridian.ingest.imports.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

import com.meridian.ingest.imports.StatementEntry;

/**
 * The de-duplication key of a booking without a bank id: booking date, signed amount, currency and the
 * normalised counterparty and description. Two identical coffees on one day share it; the occurrence index
 * (their order in the file) keeps them two.
 */
public final class Fingerprints {

    private static final char SEPARATOR = '\u001f';

    /** One digest per thread: {@code MessageDigest.getInstance} per entry was a visible share of an import. */
    private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(Fingerprints::sha256);

    private Fingerprints() {
    }

    public static String of(StatementEntry entry) {
        StringBuilder key = new StringBuilder(128).append(entry.bookingDate()).append(SEPARATOR)
                .append(entry.amount().stripTrailingZeros().toPlainString()).append(SEPARATOR)
                .append(entry.currency()).append(SEPARATOR);
        normalise(entry.counterpartyName(), key);
        key.append(SEPARATOR);
        normalise(entry.description(), key);
        return HexFormat.of().formatHex(SHA_256.get().digest(key.toString().getBytes(StandardCharsets.UTF_8)));
    }

    /** Stripped, lower case, every run of whitespace one space (as {@code strip().replaceAll("\\s+", " ")}). */
    static void normalise(String text, StringBuilder into) {
        if (text == null) {
            return;
        }
        String stripped = text.strip().toLowerCase(Locale.ROOT);
        boolean inSpace = false;
        for (int i = 0; i < stripped.length(); i++) {
            char c = stripped.charAt(i);
            if (isRegexSpace(c)) {
                inSpace = true;
                continue;
            }
            if (inSpace) {
                into.append(' ');
                inSpace = false;
            }
            into.append(c);
        }
    }

    /** The characters of the regex class {@code \s} (without UNICODE_CHARACTER_CLASS): the fingerprints stay as stored. */
    private static boolean isRegexSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
