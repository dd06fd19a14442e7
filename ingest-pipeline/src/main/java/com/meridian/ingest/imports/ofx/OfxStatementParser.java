package com.meridian.ingest.imports.ofx;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import com.meridian.ingest.imports.StatementEntry;
import com.meridian.ingest.imports.StatementParser;
import com.meridian.ingest.imports.UnreadableStatementException;
import com.meridian.ingest.jobs.RejectedEntryException;

/**
 * Reads OFX 1.x (SGML), OFX 2.x (XML) and QFX with one tolerant tokenizer instead of a strict parser: elements
 * need no close tags, an XML header over an SGML body is fine, the header's charset is ignored (the body's bytes
 * decide), enum values are read case-insensitively, and a missing {@code </BANKTRANLIST>} or a repeated one does
 * not matter. Every {@code STMTTRN} is an entry: {@code TRNAMT} is signed, {@code DTPOSTED} the booking date,
 * {@code FITID} the bank's id, {@code NAME}/{@code PAYEE} the counterparty and {@code MEMO} the description; the
 * currency is the transaction's, else the statement's {@code CURDEF}.
 * <p>
 * An investment statement ({@code INVSTMTRS}) is rejected as a whole: its {@code STMTTRN}s are the cash legs of
 * trades and transfers inside a brokerage account ({@code INVBANKTRAN}), not bookings of a bank account, and
 * importing them alone would show a partial, misleading account.
 * <p>
 * Balances are not checked, because nothing in OFX makes them checkable: a bank statement ({@code STMTRS},
 * {@code CCSTMTRS}) gives {@code LEDGERBAL} (and {@code AVAILBAL}) as of {@code DTASOF} but no opening balance, and
 * its {@code BANKTRANLIST} covers {@code DTSTART}-{@code DTEND}, which need not end at {@code DTASOF} nor start at
 * the account's first booking. A ledger balance minus the listed transactions is just an unknown opening balance;
 * any result would pass, so a check would only pretend ({@code BalanceCheck} needs both ends).
 */
public final class OfxStatementParser implements StatementParser {

    private final BufferedReader in;
    private final String prefix;
    private final StringBuilder token = new StringBuilder();
    private String currency;
    private String account;
    private Map<String, String> transaction;
    private int number;
    private String statusCode;
    private String error;
    private long position;

    public OfxStatementParser(Reader reader, String prefix) {
        this.in = new BufferedReader(reader);
        this.prefix = prefix;
    }

    @Override
    public StatementEntry next() throws IOException {
        String parent = null;
        for (String tag = nextTag(); tag != null; tag = nextTag()) {
            String name = tag.toUpperCase(Locale.ROOT);
            if (name.equals("INVSTMTRS")) {
                throw new UnreadableStatementException("OFX_INVESTMENT_STATEMENT", prefix + "investment statements are "
                        + "not bank statements: the file holds an investment statement (INVSTMTRS), whose trades, "
                        + "positions and cash movements are not imported", null);
            }
            if (name.equals("STMTTRN")) {
                StatementEntry previous = finish();
                transaction = new HashMap<>();
                if (previous != null) {
                    return previous;
                }
            } else if (name.equals("/STMTTRN") || name.equals("/BANKTRANLIST") || name.equals("/STMTRS")
                    || name.equals("/CCSTMTRS")) {
                StatementEntry finished = finish();
                if (finished != null) {
                    return finished;
                }
            } else if (name.equals("PAYEE") || name.equals("CURRENCY") || name.equals("ORIGCURRENCY")) {
                parent = name;
            } else if (!name.startsWith("/")) {
                field(name, parent, value());
            }
        }
        StatementEntry last = finish();
        if (last == null && number == 0 && error != null) {
            // a response that reports an error and carries no statement is not an empty statement
            throw new UnreadableStatementException("OFX_ERROR_RESPONSE", "the bank answered with an error: " + error, null);
        }
        return last;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    private void field(String name, String parent, String value) {
        if (value.isEmpty()) {
            return;
        }
        if (transaction == null) {
            status(name, value);
            if (name.equals("CURDEF")) {
                currency = value.toUpperCase(Locale.ROOT);
            } else if (name.equals("ACCTID") && account == null) {
                account = value;
            }
            return;
        }
        String key = parent != null && name.equals("NAME") ? "PAYEE.NAME" : parent != null && name.equals("CURSYM") ? parent + ".CURSYM" : name;
        transaction.putIfAbsent(key, value);
    }

    /** Remembers an ERROR status (code and message) of the response. */
    private void status(String name, String value) {
        if (name.equals("CODE")) {
            statusCode = value;
        } else if (name.equals("SEVERITY") && value.equalsIgnoreCase("ERROR")) {
            error = "code " + statusCode;
        } else if (name.equals("MESSAGE") && error != null && !error.contains(":")) {
            error = error + ": " + value;
        }
    }

    private StatementEntry finish() {
        if (transaction == null) {
            return null;
        }
        Map<String, String> fields = transaction;
        transaction = null;
        number++;
        long ordinal = position++;
        String ref = prefix + "STMTTRN " + number + (fields.containsKey("FITID") ? " (FITID " + fields.get("FITID") + ")" : "");
        try {
            return entry(fields, ordinal, ref);
        } catch (IllegalArgumentException | DateTimeException | StringIndexOutOfBoundsException e) {
            throw new RejectedEntryException(ref, e instanceof DateTimeException ? "DATE_INVALID" : "ENTRY_INVALID",
                    String.valueOf(e.getMessage()), fields.toString());
        }
    }

    private StatementEntry entry(Map<String, String> fields, long ordinal, String ref) {
        String amount = fields.get("TRNAMT");
        if (amount == null) {
            throw new IllegalArgumentException("the transaction has no TRNAMT");
        }
        String posted = fields.containsKey("DTPOSTED") ? fields.get("DTPOSTED") : fields.get("DTUSER");
        if (posted == null) {
            throw new IllegalArgumentException("the transaction has neither DTPOSTED nor DTUSER");
        }
        String ccy = fields.containsKey("CURRENCY.CURSYM") ? fields.get("CURRENCY.CURSYM") : currency;
        String name = fields.containsKey("PAYEE.NAME") ? fields.get("PAYEE.NAME") : fields.get("NAME");
        LocalDate user = fields.containsKey("DTUSER") ? date(fields.get("DTUSER")) : null;
        return new StatementEntry(ordinal, ref, account, fields.get("FITID"), date(posted), user, decimal(amount),
                ccy == null ? null : ccy.toUpperCase(Locale.ROOT), name, fields.get("BANKACCTTO"), fields.get("MEMO"),
                fields.containsKey("TRNTYPE") ? fields.get("TRNTYPE").toUpperCase(Locale.ROOT) : null, false);
    }

    private static BigDecimal decimal(String text) {
        String plain = text.strip().replace(" ", "");
        if (plain.contains(",") && !plain.contains(".")) {
            plain = plain.replace(',', '.');
        }
        if (plain.startsWith("+")) {
            plain = plain.substring(1);
        }
        try {
            return new BigDecimal(plain);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("TRNAMT '" + text + "' is not a number");
        }
    }

    /** {@code YYYYMMDD[HHMMSS[.XXX]][[+-]h:TZ]}: the day as the bank wrote it. */
    private static LocalDate date(String text) {
        String digits = text.strip();
        return LocalDate.of(Integer.parseInt(digits.substring(0, 4)), Integer.parseInt(digits.substring(4, 6)),
                Integer.parseInt(digits.substring(6, 8)));
    }

    /** The next tag name (with a leading '/' for a close tag); declarations and comments are skipped. */
    private String nextTag() throws IOException {
        int c;
        while ((c = in.read()) >= 0 && c != '<') {
            // text outside elements: the SGML header lines, whitespace
        }
        if (c < 0) {
            return null;
        }
        token.setLength(0);
        while ((c = in.read()) >= 0 && c != '>') {
            token.append((char) c);
        }
        String tag = token.toString().strip();
        if (tag.startsWith("?") || tag.startsWith("!")) {
            return nextTag();
        }
        int space = tag.indexOf(' ');
        return space > 0 ? tag.substring(0, space) : tag;
    }

    /** The text after a start tag, up to the next tag, with entities decoded. */
    private String value() throws IOException {
        token.setLength(0);
        in.mark(1);
        int c;
        while ((c = in.read()) >= 0 && c != '<') {
            token.append((char) c);
            in.mark(1);
        }
        if (c == '<') {
            in.reset();
        }
        return token.toString().strip().replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"")
                .replace("&apos;", "'").replace("&nbsp;", " ").replace("&amp;", "&");
    }
}
