package com.meridian.ingest.imports.csv;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import com.meridian.ingest.imports.StatementEntry;
import com.meridian.ingest.imports.StatementParser;
import com.meridian.ingest.imports.UnreadableStatementException;
import com.meridian.ingest.jobs.RejectedEntryException;

/**
 * Reads a bank's CSV export through its {@link CsvProfile}, one record at a time (Commons CSV streams). The
 * bank's id column, when the profile names one, becomes the source id; a row the profile cannot read is rejected
 * with its line number and the reason.
 */
public final class CsvStatementParser implements StatementParser {

    private final CsvProfile profile;
    private final DateTimeFormatter dates;
    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    private final Map<String, Integer> header;
    private final String prefix;
    private final int lineOffset;
    private long position;

    /** @param prefix put before line numbers in entry references (the zip entry name, or empty) */
    public CsvStatementParser(Reader reader, CsvProfile profile, String prefix) throws IOException {
        this.profile = profile;
        this.dates = DateTimeFormatter.ofPattern(profile.dateFormat());
        this.prefix = prefix;
        BufferedReader lines = new BufferedReader(reader);
        for (int i = 0; i < profile.skipRows(); i++) {
            lines.readLine();
        }
        this.lineOffset = profile.skipRows();
        CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(profile.delimiter()).setHeader()
                .setSkipHeaderRecord(true).setIgnoreEmptyLines(true).setTrim(true).setAllowMissingColumnNames(true)
                .get();
        this.parser = CSVParser.builder().setReader(lines).setFormat(format).get();
        this.header = parser.getHeaderMap();
        requireColumn(profile.dateColumn());
        requireColumn(profile.amountColumn() != null ? profile.amountColumn() : profile.debitColumn());
        this.records = parser.iterator();
    }

    @Override
    public StatementEntry next() throws IOException {
        if (!nextRecordExists()) {
            return null;
        }
        CSVRecord record = records.next();
        long ordinal = position++;
        String ref = prefix + "line " + (record.getParser().getCurrentLineNumber() + lineOffset);
        try {
            return entry(record, ordinal, ref);
        } catch (IllegalArgumentException | DateTimeParseException | ArithmeticException e) {
            throw new RejectedEntryException(ref, reasonCode(e), e.getMessage(), String.join(String.valueOf(profile.delimiter()), record));
        }
    }

    @Override
    public void close() throws IOException {
        parser.close();
    }

    private boolean nextRecordExists() {
        try {
            return records.hasNext();
        } catch (RuntimeException e) {
            // Commons CSV reports syntax errors (an unclosed quote) as unchecked exceptions of the iterator
            throw new UnreadableStatementException("CSV_SYNTAX", "the CSV cannot be read after entry " + position + ": "
                    + e.getMessage(), e);
        }
    }

    private StatementEntry entry(CSVRecord record, long ordinal, String ref) {
        LocalDate booking = date(value(record, profile.dateColumn()), "booking date");
        String valueDateText = value(record, profile.valueDateColumn());
        LocalDate valueDate = valueDateText == null ? null : date(valueDateText, "value date");
        BigDecimal amount = amount(record);
        if (profile.invertSign()) {
            amount = amount.negate();
        }
        String currency = value(record, profile.currencyColumn());
        currency = currency == null ? profile.defaultCurrency() : currency.toUpperCase();
        return new StatementEntry(ordinal, ref, value(record, profile.accountColumn()), value(record, profile.idColumn()),
                booking, valueDate, amount, currency, value(record, profile.counterpartyColumn()),
                value(record, profile.counterpartyAccountColumn()), description(record), null, false);
    }

    private BigDecimal amount(CSVRecord record) {
        if (profile.amountColumn() != null) {
            String text = value(record, profile.amountColumn());
            if (text == null) {
                throw new IllegalArgumentException("amount is empty");
            }
            return decimal(text);
        }
        String debit = value(record, profile.debitColumn());
        String credit = value(record, profile.creditColumn());
        if ((debit == null) == (credit == null)) {
            throw new IllegalArgumentException("exactly one of debit and credit must be given");
        }
        return debit != null ? decimal(debit).abs().negate() : decimal(credit).abs();
    }

    private BigDecimal decimal(String text) {
        String plain = text.replace(" ", "").replace("\u00a0", "");
        boolean parenthesised = plain.startsWith("(") && plain.endsWith(")");
        if (parenthesised) {
            plain = plain.substring(1, plain.length() - 1);
        }
        plain = profile.decimalComma() ? plain.replace(".", "").replace(',', '.') : plain.replace(",", "");
        try {
            BigDecimal amount = new BigDecimal(plain);
            return parenthesised ? amount.negate() : amount;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("amount '" + text + "' is not a number");
        }
    }

    private LocalDate date(String text, String what) {
        if (text == null) {
            throw new IllegalArgumentException(what + " is empty");
        }
        return LocalDate.parse(text, dates);
    }

    private String description(CSVRecord record) {
        String joined = profile.descriptionColumns().stream().map(column -> value(record, column))
                .filter(v -> v != null).collect(Collectors.joining(" "));
        return joined.isEmpty() ? null : joined;
    }

    private String value(CSVRecord record, String column) {
        Integer index = column == null ? null : header.get(column);
        if (index == null || index >= record.size()) {
            return null;
        }
        String value = record.get(index);
        return value.isBlank() ? null : value;
    }

    private void requireColumn(String column) {
        if (!header.containsKey(column)) {
            throw new UnreadableStatementException("CSV_PROFILE_MISMATCH",
                    "profile " + profile.code() + " expects a column '" + column + "', the header has " + header.keySet(), null);
        }
    }

    private static String reasonCode(RuntimeException e) {
        if (e instanceof DateTimeParseException || e.getMessage().contains("date")) {
            return "DATE_INVALID";
        }
        return "AMOUNT_INVALID";
    }
}
