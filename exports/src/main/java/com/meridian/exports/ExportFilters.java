package com.meridian.exports;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/**
 * Which transactions an export takes, besides its date range. Empty lists and nulls mean "no restriction";
 * the amount range is inclusive and compares signed amounts (debits are negative).
 */
public record ExportFilters(List<UUID> accountIds, List<String> categoryCodes, Boolean needsReview,
        BigDecimal minAmount, BigDecimal maxAmount) {

    public ExportFilters {
        accountIds = accountIds == null ? List.of() : List.copyOf(accountIds);
        categoryCodes = categoryCodes == null ? List.of() : List.copyOf(categoryCodes);
        if (minAmount != null && maxAmount != null && minAmount.compareTo(maxAmount) > 0) {
            throw new InvalidExportRequestException("minAmount must not be greater than maxAmount");
        }
    }

    public static ExportFilters none() {
        return new ExportFilters(List.of(), List.of(), null, null, null);
    }
}
