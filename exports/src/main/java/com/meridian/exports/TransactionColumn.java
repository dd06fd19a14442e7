package com.meridian.exports;

/**
 * The columns of a transactions export, in their default order. A request may pick a subset; amount and
 * currency always travel together, because an amount without its currency means nothing.
 */
public enum TransactionColumn {
    TRANSACTION_ID,
    ACCOUNT_ID,
    BOOKING_DATE,
    VALUE_DATE,
    AMOUNT,
    CURRENCY,
    STATUS,
    COUNTERPARTY_NAME,
    COUNTERPARTY_ACCOUNT,
    DESCRIPTION,
    MERCHANT_NAME,
    MCC,
    CATEGORY_CODE,
    NEEDS_REVIEW,
    CREATED_AT;

    /** The column's name in files: lower snake case, the same as in PostgreSQL. */
    public String fileName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
