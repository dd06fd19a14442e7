package com.meridian.exports.internal;

/**
 * Text of one CSV cell per RFC 4180, made safe for spreadsheets.
 *
 * <p>Spreadsheets run a text cell that starts with {@code = + - @}, a tab or a carriage return as a formula
 * (OWASP "CSV injection"), so a counterparty named {@code =HYPERLINK(...)} could act on the analyst's machine.
 * Such text gets a leading apostrophe, which spreadsheets show as text and never evaluate. Only text columns
 * are treated: numbers and dates are written as they are, so a debit stays {@code -4.50}.
 */
public final class CsvCells {

    private CsvCells() {
    }

    /** A text value: neutralised if it could be read as a formula, then quoted if RFC 4180 requires it. */
    public static String text(String value) {
        String safe = startsLikeFormula(value) ? "'" + value : value;
        return needsQuotes(safe) ? quote(safe) : safe;
    }

    static boolean startsLikeFormula(String value) {
        if (value.isEmpty()) {
            return false;
        }
        char first = value.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
                || first == '\uFF1D' || first == '\uFF0B' || first == '\uFF0D' || first == '\uFF20';
    }

    private static boolean needsQuotes(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == ',' || c == '"' || c == '\n' || c == '\r') {
                return true;
            }
        }
        // a leading or trailing space survives only in quotes with some readers
        return !value.isEmpty() && (value.charAt(0) == ' ' || value.charAt(value.length() - 1) == ' ');
    }

    private static String quote(String value) {
        return '"' + value.replace("\"", "\"\"") + '"';
    }
}
