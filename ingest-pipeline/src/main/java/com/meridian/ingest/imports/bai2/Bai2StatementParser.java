package com.meridian.ingest.imports.bai2;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Currency;
import java.util.Deque;
import java.util.List;
import java.util.regex.Pattern;

import com.meridian.ingest.imports.StatementEntry;
import com.meridian.ingest.imports.StatementParser;
import com.meridian.ingest.imports.UnreadableStatementException;
import com.meridian.ingest.jobs.RejectedEntryException;

/**
 * Reads BAI2 cash management files: newline-delimited or blocked (several records on one physical line),
 * {@code 88} continuations joined to the record they continue, as are lines wrapped inside a record (a line that
 * does not start with a record code). Every {@code 16} detail is an entry: its type code
 * decides the sign (100-399 money in, 400-699 money out; other codes carry no direction and are rejected), its
 * amount is in minor units of the account's currency ({@code 03}, else the group's {@code 02}, else USD), its day
 * is the value date when the funds type gives one, else the group's as-of date. The bank reference is the source
 * id; the free text (which may hold commas and slashes) is the description.
 * <p>
 * The control totals of the {@code 49}, {@code 98} and {@code 99} trailers are checked ({@link ControlTotals}); a
 * trailer that disagrees rejects the whole file, because its totals exist to show that records were lost or
 * altered on the way, and the entries of an earlier group or account have already been read (the job fails before
 * anything is merged, so nothing of the file is stored). A file that does not start with its {@code 01} header or
 * ends before its {@code 99} trailer is rejected as well.
 */
public final class Bai2StatementParser implements StatementParser {

    private static final Pattern RECORD_BREAK = Pattern.compile("/\\s+(?=\\d{2},)");
    private static final Pattern RECORD_CODE = Pattern.compile("\\d{2},");

    private final BufferedReader in;
    private final String prefix;
    private final Deque<Physical> physical = new ArrayDeque<>();
    private final ControlTotals totals = new ControlTotals();
    private Physical lookahead;
    private long lineNumber;
    private long recordLine;
    private int recordPhysicalCount;
    private LocalDate asOf;
    private String groupCurrency;
    private String account;
    private String accountCurrency;
    private long recordNumber;
    private long position;

    public Bai2StatementParser(Reader reader, String prefix) {
        this.in = new BufferedReader(reader);
        this.prefix = prefix;
    }

    @Override
    public StatementEntry next() throws IOException {
        for (String record = nextRecord(); record != null; record = nextRecord()) {
            String[] fields = record.split(",", -1);
            if (recordNumber == 1 && !fields[0].equals("01")) {
                throw invalid("record code '" + fields[0] + "' where a BAI2 file starts with its 01 file header");
            }
            opening(fields);
            totals.records(recordPhysicalCount);
            if (fields[0].equals("16")) {
                totals.amount(fields.length > 2 ? fields[2] : "");
                return detail(fields, record);
            }
            closing(fields);
        }
        if (!totals.fileClosed()) {
            throw new UnreadableStatementException("BAI2_INVALID", prefix + "the file ends after line " + lineNumber
                    + " without its 99 file trailer: it is incomplete", null);
        }
        return null;
    }

    /** Headers open what the trailers total. */
    private void opening(String[] fields) {
        switch (fields[0]) {
            case "01" -> totals.openFile();
            case "02" -> {
                totals.openGroup();
                group(fields);
            }
            case "03" -> {
                totals.openAccount();
                account(fields);
                try {
                    summaries(fields).forEach(totals::amount);
                } catch (NumberFormatException e) {
                    throw invalid("the 03 record of account " + account + " has an availability count that is not a number");
                }
            }
            default -> {
                // details and trailers
            }
        }
    }

    /** A trailer whose totals disagree with the records it closes rejects the file. */
    private void closing(String[] fields) {
        String mismatch = switch (fields[0]) {
            case "49" -> totals.closeAccount(fields);
            case "98" -> totals.closeGroup(fields);
            case "99" -> totals.closeFile(fields);
            default -> null;
        };
        if (mismatch != null) {
            throw new UnreadableStatementException("BAI2_CONTROL_TOTAL", prefix + "line " + recordLine + ", record "
                    + recordNumber + " (" + fields[0] + (fields[0].equals("49") ? ", account " + account : "") + "): "
                    + mismatch, null);
        }
    }

    /**
     * The amounts of a 03 record's summaries: after account and currency come groups of type code, amount, item
     * count and funds type, the funds type followed by its availability ({@code S}: three amounts, {@code V}: date
     * and time, {@code D}: a count and that many day/amount pairs). A blank type code is skipped alone, since banks
     * leave empty fields where a record was continued or ended.
     */
    static List<String> summaries(String[] fields) {
        List<String> amounts = new ArrayList<>();
        int i = 3;
        while (i < fields.length) {
            if (fields[i].isBlank()) {
                i++;
                continue;
            }
            amounts.add(i + 1 < fields.length ? fields[i + 1] : "");
            String funds = i + 3 < fields.length ? fields[i + 3].strip() : "";
            i += 4 + switch (funds) {
                case "S" -> 3;
                case "V" -> 2;
                case "D" -> i + 4 < fields.length ? 1 + 2 * Integer.parseInt(fields[i + 4].strip()) : 0;
                default -> 0;
            };
        }
        return amounts;
    }

    private UnreadableStatementException invalid(String message) {
        return new UnreadableStatementException("BAI2_INVALID", prefix + "line " + recordLine + ", record "
                + recordNumber + ": " + message, null);
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
        Physical record = lookahead != null ? lookahead : nextPhysicalRecord();
        lookahead = null;
        if (record == null) {
            return null;
        }
        recordNumber++;
        recordLine = record.line();
        recordPhysicalCount = 1;
        StringBuilder joined = new StringBuilder(strip(record.text()));
        for (Physical next = nextPhysicalRecord(); next != null; next = nextPhysicalRecord()) {
            boolean text = joined.toString().startsWith("16,");
            if (!RECORD_CODE.matcher(next.text()).lookingAt()) {
                // a line wrapped inside a record: the same record, not one the trailers count
                joined.append(text ? " " : "").append(strip(next.text()));
            } else if (next.text().startsWith("88,")) {
                recordPhysicalCount++;
                joined.append(text ? " " : ",").append(strip(next.text().substring(3)));
            } else {
                lookahead = next;
                break;
            }
        }
        return joined.toString();
    }

    private Physical nextPhysicalRecord() throws IOException {
        while (physical.isEmpty()) {
            String line = in.readLine();
            if (line == null) {
                return null;
            }
            lineNumber++;
            if (!line.isBlank()) {
                // blocked files put several records on one line
                for (String text : RECORD_BREAK.split(line.strip())) {
                    physical.add(new Physical(text, lineNumber));
                }
            }
        }
        return physical.poll();
    }

    /** One record as written, with the line it starts on. */
    private record Physical(String text, long line) {
    }

    private static String strip(String record) {
        String text = record.stripTrailing();
        return text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
    }
}
