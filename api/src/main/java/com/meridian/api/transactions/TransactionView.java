package com.meridian.api.transactions;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonFormat;

/**
 * A stored transaction as the API shows it. Amounts and confidence are JSON strings, so no client parses
 * money into a floating-point number.
 */
public record TransactionView(UUID transactionId, UUID accountId, String source, String sourceTransactionId,
        String status, LocalDate bookingDate, LocalDate valueDate,
        @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal amount, String currency, String counterpartyName,
        String counterpartyAccount, String description, String merchantName, String mcc, String bankTransactionCode,
        String category, @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal confidence, boolean needsReview,
        String categorizedBy, String modelVersion, UUID categoryRuleId, OffsetDateTime createdAt,
        OffsetDateTime updatedAt) {
}
