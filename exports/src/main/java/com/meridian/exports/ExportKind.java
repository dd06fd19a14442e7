package com.meridian.exports;

/**
 * What an export holds: the raw transactions, or a report derived from them. The monthly spend report sums,
 * per booked month, account, currency and category, the money that went out and came in; it never mixes
 * currencies.
 */
public enum ExportKind {
    TRANSACTIONS,
    MONTHLY_SPEND
}
