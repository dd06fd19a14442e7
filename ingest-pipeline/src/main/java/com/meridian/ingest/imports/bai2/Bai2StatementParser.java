package com.meridian.ingest.imports.bai2;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Currency;
import java.util.Deque;
import java.util.regex.Pattern;

import com.meridian.ingest.imports.StatementEntry;
import com.meridian.ingest.imports.StatementParser;
import com.meridian.ingest.imports.UnreadableStatementException;
import com.meridian.ingest.jobs.RejectedEntryException;

/**
 * Reads BAI2 cash management files: newline-delimited or blocked (several records on one physical line),
 * {@code 88} continuations joined to the record they continue. Every {@code 16} detail is an entry: its type code
 * decides the sign (100-399 money in, 400-699 money out; other codes carry no direction and are rejected), its
 * amount is in minor units of the account's currency ({@code 03}, else the group's {@code 02}, else USD), its day
 * is the value date when the funds type gives one, else the group's as-of date. The bank reference is the source
 * id; the free text (which may hold commas and slashes) is the description.
 */
public final class Bai2StatementParser implements StatementParser {

    private static final Pattern RECORD_BREAK = Pattern.compile("/\\s+(?=\\d{2},)");

    private final BufferedReader in;
    private final String prefix;
    private final Deque<String> physical = new ArrayDeque<>();
    private String lookahead;
    private LocalDate asOf;
    private String groupCurrency;
    private String account;
    private String accountCurrency;
    private long recordNumber;
    private long position;
    private boolean sawHeader;

    public Bai2StatementParser(Reader reader, String prefix) {
        this.in = new BufferedReader(reader);
        this.prefix = prefix;
    }

    @Override
    public StatementEntry next() throws IOException {
        for (String record = nextRecord(); record != null; record = nextRecord()) {
            String[] fields = record.split(",", -1);
            switch (fields[0]) {
                case "01" -> sawHeader = true;
                case "02" -> group(fields);
                case "03" -> account(fields);
                case "16" -> {
                    return detail(fields, record);
                }
                default -> {
                    // 49, 98, 99 trailers
                }
            }
        }
        if (!sawHeader) {
            throw new UnreadableStatementException("BAI2_INVALID", "the file has no 01 file header", null);
        }
        return null;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    private void group(String[] fields) {
        try {
            asOf = date(fields[4]);
        } catch (DateTimeException | StringIndexOutOfBoundsException | NumberFormatException e) {
            throw new UnreadableStatementException("BAI2_INVALID", "record " + recordNumber
                    + " (02): the as-of date '" + fields[4] + "' is not YYMMDD", e);
        }
        groupCurrency = field(fields, 6);
    }

    private void account(String[] fields) {
        account = field(fields, 1);
        accountCurrency = field(fields, 2);
    }

    private StatementEntry detail(String[] fields, String record) {
        long ordinal = position++;
        String ref = prefix + "record " + recordNumber + " (16, account " + account + ")";
        try {
            int type = Integer.parseInt(fields[1].strip());
            boolean in = type >= 100 && type <= 399;
            if (!in && !(type >= 400 && type <= 699)) {
                throw new IllegalArgumentException("type code " + type + " says neither credit nor debit");
            }
            String currency = accountCurrency != null ? accountCurrency : groupCurrency != null ? groupCurrency : "USD";
            BigDecimal amount = new BigDecimal(fields[2].strip())
                    .movePointLeft(Currency.getInstance(currency).getDefaultFractionDigits()).abs();
            int next = 4;
            LocalDate valueDate = null;
            String funds = fields[3].strip();
            if (funds.equals("V")) {
                valueDate = date(fields[4]);
                next = 6;
            } else if (funds.equals("S")) {
                next = 7;
            } else if (funds.equals("D")) {
                next = 5 + 2 * Integer.parseInt(fields[4].strip());
            }
            String bankRef = field(fields, next);
            String text = String.join(",", Arrays.copyOfRange(fields, Math.min(next + 2, fields.length), fields.length));
            return new StatementEntry(ordinal, ref, account, bankRef, valueDate != null ? valueDate : asOf, valueDate,
                    in ? amount : amount.negate(), currency, null, null, blankToNull(text), String.valueOf(type), false);
        } catch (IllegalArgumentException | DateTimeException | IndexOutOfBoundsException e) {
            throw new RejectedEntryException(ref, "ENTRY_INVALID", String.valueOf(e.getMessage()), record);
        }
    }

    private static LocalDate date(String yymmdd) {
        String digits = yymmdd.strip();
        return LocalDate.of(2000 + Integer.parseInt(digits.substring(0, 2)), Integer.parseInt(digits.substring(2, 4)),
                Integer.parseInt(digits.substring(4, 6)));
    }

    private static String field(String[] fields, int index) {
        return index < fields.length ? blankToNull(fields[index].replaceAll("/+$", "")) : null;
    }

    private static String blankToNull(String value) {
        String text = value == null ? null : value.replaceAll("/\\s*$", "").strip();
        return text == null || text.isEmpty() ? null : text.replaceAll("\\s+", " ");
    }

    /** The next logical record, its 88 continuations appended, without its trailing '/'. */
    private String nextRecord() throws IOException {
        String record = lookahead != null ? lookahead : nextPhysicalRecord();
        lookahead = null;
        if (record == null) {
            return null;
        }
        recordNumber++;
        StringBuilder joined = new StringBuilder(strip(record));
        for (String next = nextPhysicalRecord(); next != null; next = nextPhysicalRecord()) {
            if (!next.startsWith("88,")) {
                lookahead = next;
                break;
            }
            joined.append(joined.toString().startsWith("16,") ? " " : ",").append(strip(next.substring(3)));
        }
        return joined.toString();
    }

    private String nextPhysicalRecord() throws IOException {
        while (physical.isEmpty()) {
            String line = in.readLine();
            if (line == null) {
                return null;
            }
            if (!line.isBlank()) {
                // blocked files put several records on one line
                physical.addAll(Arrays.asList(RECORD_BREAK.split(line.strip())));
            }
        }
        return physical.poll();
    }

    private static String strip(String record) {
        String text = record.stripTrailing();
        return text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
    }
}
