package com.meridian.ingest.imports.bai2;

import java.math.BigDecimal;

/**
 * The control totals of a BAI2 file. Each trailer states, for what it closes, the algebraic sum of the amounts of
 * the {@code 03} summaries and {@code 16} details (a 16 amount counts unsigned, as written; the type code gives its
 * direction, not the total) and the number of physical records from its header to itself, {@code 88}
 * continuations included: {@code 49,total,records} per account, {@code 98,total,accounts,records} per group,
 * {@code 99,total,groups,records} per file. A blank total is read as zero. When an amount is not a number (its
 * entry is rejected on its own) the sums cannot be checked and only the counts are.
 */
final class ControlTotals {

    private final Level account = new Level("49 account trailer", "account", null);
    private final Level group = new Level("98 group trailer", "group", "accounts");
    private final Level file = new Level("99 file trailer", "file", "groups");

    void openFile() {
        file.open();
    }

    void openGroup() {
        group.open();
        file.children++;
    }

    void openAccount() {
        account.open();
        group.children++;
    }

    /** One logical record of {@code physical} physical records (itself and its 88 continuations) was read. */
    void records(int physical) {
        for (Level level : new Level[] {account, group, file}) {
            level.records += level.open ? physical : 0;
        }
    }

    /** An amount of a 03 or 16 record, as written (signed or not, blank for none). */
    void amount(String raw) {
        BigDecimal amount = number(raw);
        for (Level level : new Level[] {account, group, file}) {
            if (level.open) {
                level.sum = amount == null || level.sum == null ? null : level.sum.add(amount);
            }
        }
    }

    /** What disagrees between a 49 trailer and its account, or null. */
    String closeAccount(String[] fields) {
        return account.close(fields);
    }

    /** What disagrees between a 98 trailer and its group, or null. */
    String closeGroup(String[] fields) {
        return group.close(fields);
    }

    /** What disagrees between the 99 trailer and the file, or null. */
    String closeFile(String[] fields) {
        return file.close(fields);
    }

    boolean fileClosed() {
        return file.closed;
    }

    /** The whole amounts of a BAI2 field: blank is no amount, {@code +} and leading zeros are allowed. */
    private static BigDecimal number(String raw) {
        String text = raw == null ? "" : raw.strip();
        if (text.isEmpty()) {
            return BigDecimal.ZERO;
        }
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static final class Level {

        private final String trailer;
        private final String scope;
        private final String childName;
        private boolean open;
        private boolean closed;
        private BigDecimal sum;
        private long records;
        private long children;

        Level(String trailer, String scope, String childName) {
            this.trailer = trailer;
            this.scope = scope;
            this.childName = childName;
        }

        void open() {
            open = true;
            sum = BigDecimal.ZERO;
            records = 0;
            children = 0;
        }

        String close(String[] fields) {
            if (!open) {
                return "the " + trailer + " closes no open " + scope;
            }
            open = false;
            closed = true;
            StringBuilder mismatch = new StringBuilder();
            BigDecimal stated = number(field(fields, 1));
            if (stated == null) {
                mismatch.append("; the control total '").append(field(fields, 1)).append("' is not a number");
            } else if (sum != null && stated.compareTo(sum) != 0) {
                mismatch.append("; control total expected ").append(stated.toPlainString()).append(" (")
                        .append(field(fields, 1).isBlank() ? "blank, read as 0" : "stated").append("), found ")
                        .append(sum.toPlainString()).append(" (sum of the ").append(scope).append("'s 03 and 16 amounts)");
            }
            int recordsField = childName == null ? 2 : 3;
            if (childName != null) {
                compare(mismatch, "number of " + childName, field(fields, 2), children);
            }
            compare(mismatch, "number of records", field(fields, recordsField), records);
            return mismatch.isEmpty() ? null : mismatch.substring(2);
        }

        private static void compare(StringBuilder mismatch, String what, String stated, long counted) {
            BigDecimal expected = number(stated);
            if (expected == null || expected.compareTo(BigDecimal.valueOf(counted)) != 0) {
                mismatch.append("; ").append(what).append(" expected ").append(stated.isBlank() ? "(blank)" : stated.strip())
                        .append(", found ").append(counted);
            }
        }

        private static String field(String[] fields, int index) {
            return index < fields.length ? fields[index] : "";
        }
    }
}
