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

    private Fingerprints() {
    }

    public static String of(StatementEntry entry) {
        String key = String.join("\u001f", entry.bookingDate().toString(),
                entry.amount().stripTrailingZeros().toPlainString(), entry.currency(),
                normalise(entry.counterpartyName()), normalise(entry.description()));
        return HexFormat.of().formatHex(sha256(key));
    }

    private static String normalise(String text) {
        return text == null ? "" : text.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    private static byte[] sha256(String key) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
