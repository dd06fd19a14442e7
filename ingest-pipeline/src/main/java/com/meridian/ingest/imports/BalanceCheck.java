package com.meridian.ingest.imports;

import java.math.BigDecimal;

/**
 * Opening balance plus movements must equal the closing balance of a statement (or of one page of it). Only
 * checked when both balances are given and every entry of the statement was read: a rejected entry already says
 * what is missing.
 */
public final class BalanceCheck {

    private BigDecimal opening;
    private BigDecimal movements = BigDecimal.ZERO;
    private boolean reliable = true;

    /** A new statement (page) starts at {@code balance}, or with no balance given (null). */
    public void open(BigDecimal balance) {
        opening = balance;
        movements = BigDecimal.ZERO;
        reliable = true;
    }

    public void add(BigDecimal movement) {
        movements = movements.add(movement);
    }

    /** An entry of this statement was rejected: its sum cannot be checked. */
    public void unreliable() {
        reliable = false;
    }

    /** Null when the statement adds up (or cannot be checked), else what does not add up. */
    public String close(BigDecimal closing) {
        BigDecimal start = opening;
        opening = null;
        if (start == null || closing == null || !reliable) {
            return null;
        }
        BigDecimal expected = start.add(movements);
        if (expected.compareTo(closing) == 0) {
            return null;
        }
        return "opening balance " + start.toPlainString() + " + movements " + movements.toPlainString() + " = "
                + expected.toPlainString() + ", but the closing balance is " + closing.toPlainString();
    }
}
