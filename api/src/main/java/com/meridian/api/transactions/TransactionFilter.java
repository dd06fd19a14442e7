package com.meridian.api.transactions;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/**
 * What a transaction listing may be narrowed by; every field is optional. Amounts are signed (negative is
 * money out), and the range is inclusive. {@code text} matches description, merchant or counterparty.
 */
public record TransactionFilter(UUID accountId, LocalDate from, LocalDate to, String category, BigDecimal minAmount,
        BigDecimal maxAmount, Boolean needsReview, String text, boolean includeRemoved) {
}
