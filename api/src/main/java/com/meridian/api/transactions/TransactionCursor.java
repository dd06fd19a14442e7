package com.meridian.api.transactions;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Base64;
import java.util.UUID;

import com.meridian.api.errors.ApiException;
import com.meridian.api.errors.ErrorCode;

/**
 * A position in the stable order of a listing (booking date descending, then id descending). It carries no
 * tenant and grants nothing: the next page is still read under the caller's own tenant, so a cursor taken
 * from another tenant only ever yields the caller's own rows.
 */
record TransactionCursor(LocalDate bookingDate, UUID transactionId) {

    String encode() {
        String raw = bookingDate + "|" + transactionId;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    static TransactionCursor decode(String cursor) {
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\\|");
            return new TransactionCursor(LocalDate.parse(parts[0]), UUID.fromString(parts[1]));
        } catch (RuntimeException e) {
            throw new ApiException(ErrorCode.VALIDATION_FAILED, "cursor is not one this API issued");
        }
    }
}
