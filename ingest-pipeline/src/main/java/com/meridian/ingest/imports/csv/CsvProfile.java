package com.meridian.ingest.imports.csv;

import java.util.List;
import java.util.Objects;

/**
 * How one bank lays out its CSV export. Columns are named by their header. The amount is either one signed
 * column ({@code amountColumn}) or two unsigned ones ({@code debitColumn}, {@code creditColumn}); card exports
 * that show spending as positive set {@code invertSign}. {@code skipRows} skips preamble lines before the header.
 * Left out, the delimiter is a comma, no rows are skipped and the flags are false.
 *
 * @param charset       the character set when the bank's file does not say (CP850, CP852); null to detect it
 * @param decimalComma  amounts are written {@code 1.234,56}
 * @param dateFormat    a {@link java.time.format.DateTimeFormatter} pattern, e.g. {@code dd.MM.yyyy}
 * @param descriptionColumns joined with a space into the description
 */
public record CsvProfile(String code, Character delimiter, String charset, Integer skipRows, String dateColumn,
        String valueDateColumn, String dateFormat, String amountColumn, String debitColumn, String creditColumn,
        Boolean decimalComma, Boolean invertSign, String currencyColumn, String defaultCurrency,
        List<String> descriptionColumns, String counterpartyColumn, String counterpartyAccountColumn,
        String idColumn, String accountColumn) {

    public CsvProfile {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(dateColumn, "dateColumn");
        Objects.requireNonNull(dateFormat, "dateFormat");
        if ((amountColumn == null) == (debitColumn == null || creditColumn == null)) {
            throw new IllegalArgumentException("a profile has either amountColumn or debitColumn and creditColumn");
        }
        if (currencyColumn == null && defaultCurrency == null) {
            throw new IllegalArgumentException("a profile needs currencyColumn or defaultCurrency");
        }
        // left out in a profile sent to the API: the common case
        delimiter = delimiter == null ? ',' : delimiter;
        skipRows = skipRows == null ? 0 : skipRows;
        decimalComma = decimalComma != null && decimalComma;
        invertSign = invertSign != null && invertSign;
        descriptionColumns = descriptionColumns == null ? List.of() : List.copyOf(descriptionColumns);
    }

    /**
     * The profile used when none is named: comma separated, header {@code date,amount,currency,description},
     * optional {@code id}, {@code counterparty}, {@code counterparty_account}, {@code value_date}, ISO dates.
     */
    public static CsvProfile standard() {
        return new CsvProfile("standard", ',', null, 0, "date", "value_date", "yyyy-MM-dd", "amount", null, null,
                false, false, "currency", null, List.of("description"), "counterparty", "counterparty_account", "id",
                "account");
    }
}
