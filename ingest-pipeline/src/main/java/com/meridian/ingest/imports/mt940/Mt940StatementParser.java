package com.meridian.ingest.imports.mt940;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.meridian.ingest.imports.BalanceCheck;
import com.meridian.ingest.imports.StatementEntry;
import com.meridian.ingest.imports.StatementParser;
import com.meridian.ingest.jobs.RejectedEntryException;

/**
 * Reads SWIFT MT940 (statement) and MT942 (interim report) line by line: several statements per file, with or
 * without the FIN envelope ({@code {1:}{2:}{4:} ... -}}), bank preambles before the first tag, {@code -} and
 * {@code $} separators. A {@code :61:} line is one entry; the {@code :86:} right after it is its narrative, read
 * whole (banks exceed 6 x 65 characters) and split by {@link Narrative} into counterparty and remittance.
 *
 * <p>The sign is the mark: {@code C}/{@code RD} money in, {@code D}/{@code RC} money out. The booking date is the
 * entry date (MMDD, its year taken from the value date, across a new year), else the value date. The bank's
 * reference after {@code //} is the source id. MT942 lines (a statement with {@code :34F:}) are pending.
 */
public final class Mt940StatementParser implements StatementParser {

    private static final Pattern TAG = Pattern.compile("^:(\\d{2}[A-Z]?):(.*)$");
    private static final Pattern LINE = Pattern.compile(
            "^(\\d{6})(\\d{4})?(RC|RD|EC|ED|C|D)([A-Z])?(\\d+(?:,\\d*)?)([NFS][A-Z0-9]{3})?([^\\n]*?)(?://([^\\n]*))?(?:\\n(.*))?$",
            Pattern.DOTALL);
    private static final Pattern BALANCE = Pattern.compile("^([CD])(\\d{6})([A-Z]{3})(\\d+(?:,\\d*)?).*", Pattern.DOTALL);

    private final BufferedReader lines;
    private final String prefix;
    private String lookahead;
    private final BalanceCheck balances = new BalanceCheck();
    private Tag pendingTag;
    private String account;
    private String currency;
    private boolean interim;
    private int statement;
    private int entry;
    private long position;

    public Mt940StatementParser(Reader reader, String prefix) {
        this.lines = new BufferedReader(reader);
        this.prefix = prefix;
    }

    private record Tag(String name, String value, long line) {
    }

    private long lineNumber;

    @Override
    public StatementEntry next() throws IOException {
        for (Tag tag = nextTag(); tag != null; tag = nextTag()) {
            switch (tag.name()) {
                case "20" -> startStatement();
                case "25" -> account = tag.value().strip();
                case "34F" -> interimStatement(tag);
                case "60F", "60M" -> opening(tag);
                case "62F", "62M" -> closing(tag);
                case "61" -> {
                    return statementLine(tag, narrativeFollowing());
                }
                default -> {
                    // 28C, 62F, 64, 65, 86 of the statement itself, 13D, 90C/D: nothing to book
                }
            }
        }
        return null;
    }

    @Override
    public void close() throws IOException {
        lines.close();
    }

    private void startStatement() {
        statement++;
        entry = 0;
        account = null;
        currency = null;
        interim = false;
    }

    private void interimStatement(Tag tag) {
        interim = true;
        if (currency == null && tag.value().length() >= 3) {
            currency = tag.value().substring(0, 3);
        }
    }

    private void opening(Tag tag) {
        Matcher matcher = BALANCE.matcher(tag.value().strip());
        if (matcher.matches()) {
            currency = matcher.group(3);
        }
        balances.open(balance(matcher));
    }

    /** Opening balance plus the statement's lines must give its closing balance; else the statement is reported. */
    private void closing(Tag tag) {
        String mismatch = balances.close(balance(BALANCE.matcher(tag.value().strip())));
        if (mismatch != null) {
            throw new RejectedEntryException(prefix + "statement " + statement + " (line " + tag.line() + ")",
                    "BALANCE_MISMATCH", mismatch, tag.value());
        }
    }

    private static BigDecimal balance(Matcher matcher) {
        if (!matcher.matches()) {
            return null;
        }
        BigDecimal amount = new BigDecimal(matcher.group(4).replace(',', '.'));
        return matcher.group(1).equals("D") ? amount.negate() : amount;
    }

    /** The {@code :86:} that directly follows a {@code :61:}, or null. */
    private String narrativeFollowing() throws IOException {
        Tag following = nextTag();
        if (following != null && following.name().equals("86")) {
            return following.value();
        }
        pendingTag = following;
        return null;
    }

    private StatementEntry statementLine(Tag tag, String narrative) {
        entry++;
        long ordinal = position++;
        String ref = prefix + "statement " + statement + " / :61: " + entry + " (line " + tag.line() + ")";
        Matcher line = LINE.matcher(tag.value().strip());
        if (!line.matches()) {
            balances.unreliable();
            throw new RejectedEntryException(ref, "ENTRY_INVALID", ":61: does not read as date, mark, amount and type: "
                    + tag.value().strip(), tag.value());
        }
        try {
            LocalDate valueDate = date(line.group(1));
            LocalDate bookingDate = line.group(2) == null ? valueDate : entryDate(valueDate, line.group(2));
            String mark = line.group(3);
            BigDecimal amount = new BigDecimal(line.group(5).replace(',', '.'));
            boolean moneyIn = mark.equals("C") || mark.equals("RD") || mark.equals("EC");
            Narrative details = Narrative.parse(narrative);
            balances.add(moneyIn ? amount : amount.negate());
            return new StatementEntry(ordinal, ref, account, bankReference(line.group(8)), bookingDate, valueDate,
                    moneyIn ? amount : amount.negate(), currency, details.counterpartyName(),
                    details.counterpartyAccount(), details.description(line.group(9)),
                    details.transactionCode(line.group(6)), interim);
        } catch (DateTimeException e) {
            balances.unreliable();
            throw new RejectedEntryException(ref, "DATE_INVALID", e.getMessage(), tag.value());
        }
    }

    private static String bankReference(String reference) {
        if (reference == null || reference.isBlank() || reference.strip().equalsIgnoreCase("NONREF")) {
            return null;
        }
        return reference.strip();
    }

    private static LocalDate date(String yymmdd) {
        int year = Integer.parseInt(yymmdd.substring(0, 2));
        return LocalDate.of(year < 80 ? 2000 + year : 1900 + year, Integer.parseInt(yymmdd.substring(2, 4)),
                Integer.parseInt(yymmdd.substring(4, 6)));
    }

    /** MMDD in the year of the value date, or the neighbouring year when the two straddle New Year. */
    private static LocalDate entryDate(LocalDate valueDate, String mmdd) {
        int month = Integer.parseInt(mmdd.substring(0, 2));
        int day = Integer.parseInt(mmdd.substring(2, 4));
        int year = valueDate.getYear();
        if (month == 1 && valueDate.getMonthValue() == 12) {
            year++;
        } else if (month == 12 && valueDate.getMonthValue() == 1) {
            year--;
        }
        return LocalDate.of(year, month, day);
    }

    /** The next tag with its continuation lines; envelopes, separators and preambles are skipped. */
    private Tag nextTag() throws IOException {
        if (pendingTag != null) {
            Tag tag = pendingTag;
            pendingTag = null;
            return tag;
        }
        String first = nextLine();
        while (first != null && !TAG.matcher(first).matches()) {
            first = nextLine();
        }
        if (first == null) {
            return null;
        }
        long start = lineNumber;
        Matcher matcher = TAG.matcher(first);
        matcher.matches();
        StringBuilder value = new StringBuilder(matcher.group(2));
        for (String line = nextLine(); line != null; line = nextLine()) {
            if (TAG.matcher(line).matches() || isSeparator(line)) {
                lookahead = line;
                break;
            }
            value.append('\n').append(line);
        }
        return new Tag(matcher.group(1), value.toString(), start);
    }

    private String nextLine() throws IOException {
        if (lookahead != null) {
            String line = lookahead;
            lookahead = null;
            return line;
        }
        String line = lines.readLine();
        if (line == null) {
            return null;
        }
        lineNumber++;
        return unwrap(line);
    }

    /** A line without the FIN blocks before block 4 ({@code {1:...}{2:...}{4:}) and without control characters. */
    private static String unwrap(String line) {
        String text = line.replaceAll("[\\x00-\\x08\\x0b\\x0c\\x0e-\\x1f]", "");
        int block4 = text.indexOf("{4:");
        if (block4 >= 0) {
            text = text.substring(block4 + 3);
        }
        return text.stripTrailing();
    }

    private static boolean isSeparator(String line) {
        return line.equals("-") || line.startsWith("-}") || line.equals("$") || line.startsWith("{1:")
                || line.startsWith("{5:");
    }
}
