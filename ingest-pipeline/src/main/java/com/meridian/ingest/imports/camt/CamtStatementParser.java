package com.meridian.ingest.imports.camt;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import com.meridian.ingest.imports.BalanceCheck;
import com.meridian.ingest.imports.StatementEntry;
import com.meridian.ingest.imports.StatementParser;
import com.meridian.ingest.imports.UnreadableStatementException;
import com.meridian.ingest.jobs.RejectedEntryException;

/**
 * Reads ISO 20022 camt.052 (account report), camt.053 (statement) and camt.054 (notification), versions .001.02
 * and later, with StAX: the document streams, one {@code Ntry} at a time.
 *
 * <p>One entry is one booking: its amount is the {@code Ntry} amount signed by {@code CdtDbtInd} (a reversal keeps
 * the indicator's direction, which is the direction of the money), even when its details list the items of a
 * batch; the counterparty and remittance come from the first transaction details. The bank's id is
 * {@code AcctSvcrRef} of the entry, else of its single transaction details, so a camt.054 that itemises a booking
 * of a camt.053 lands once. Versions and element shapes that changed ({@code Sts} vs {@code Sts/Cd},
 * {@code Cdtr/Nm} vs {@code Cdtr/Pty/Nm}, {@code Dt} vs {@code DtTm}) are all read.
 */
public final class CamtStatementParser implements StatementParser {

    private static final Pattern VERSION = Pattern.compile("camt\\.05([234])\\.001\\.(\\d\\d)");
    private static final Set<String> RECORDS = Set.of("Stmt", "Rpt", "Ntfctn");

    private final XMLStreamReader xml;
    private final String prefix;
    private String account;
    private String accountCurrency;
    private String created;
    private final BalanceCheck balances = new BalanceCheck();
    private BigDecimal closing;
    private boolean openingSeen;
    private int recordNumber;
    private int entryNumber;
    private long position;

    public CamtStatementParser(InputStream input, String prefix) {
        this.prefix = prefix;
        try {
            XMLInputFactory factory = XMLInputFactory.newFactory();
            // statements come from outside: no DTDs, no external entities
            factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
            factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            this.xml = factory.createXMLStreamReader(input);
        } catch (XMLStreamException | IllegalArgumentException e) {
            throw new UnreadableStatementException("XML_INVALID", "not an XML document: " + e.getMessage(), e);
        }
    }

    /** The camt message and version named by a namespace, e.g. {@code 053.08}, or null. */
    static String version(String namespace) {
        Matcher matcher = VERSION.matcher(namespace == null ? "" : namespace);
        return matcher.find() ? "05" + matcher.group(1) + "." + matcher.group(2) : null;
    }

    @Override
    public StatementEntry next() throws IOException {
        try {
            while (xml.hasNext()) {
                int event = xml.next();
                if (event == XMLStreamConstants.END_ELEMENT && RECORDS.contains(xml.getLocalName())) {
                    checkBalances();
                    continue;
                }
                if (event != XMLStreamConstants.START_ELEMENT) {
                    continue;
                }
                String name = xml.getLocalName();
                if (name.equals("Document")) {
                    checkVersion(xml.getNamespaceURI());
                } else if (RECORDS.contains(name)) {
                    startRecord();
                } else if (name.equals("Acct") && account == null) {
                    readAccount(XmlNode.read(xml));
                } else if (name.equals("Bal")) {
                    balance(XmlNode.read(xml));
                } else if (name.equals("CreDtTm")) {
                    created = xml.getElementText();
                } else if (name.equals("Ntry")) {
                    return entry(XmlNode.read(xml));
                }
            }
            if (recordNumber == 0) {
                throw new UnreadableStatementException("CAMT_NO_STATEMENT",
                        "the document holds no statement, report or notification", null);
            }
            return null;
        } catch (XMLStreamException e) {
            throw new UnreadableStatementException("XML_INVALID", "the XML breaks after entry " + position + ": "
                    + e.getMessage(), e);
        }
    }

    @Override
    public void close() throws IOException {
        try {
            xml.close();
        } catch (XMLStreamException e) {
            throw new IOException(e);
        }
    }

    private void checkVersion(String namespace) {
        String version = version(namespace);
        if (version == null || Integer.parseInt(version.substring(4)) < 2) {
            throw new UnreadableStatementException("CAMT_VERSION_UNSUPPORTED",
                    "namespace " + namespace + " is not camt.052/053/054 .001.02 or later", null);
        }
    }

    private void startRecord() {
        balances.open(null);
        closing = null;
        recordNumber++;
        entryNumber = 0;
        account = null;
        accountCurrency = null;
    }

    /** OPBD (or PRCD, the previous closing) opens the statement, CLBD closes it; other balances are informative. */
    private void balance(XmlNode bal) {
        String code = bal.firstText("Tp/CdOrPrtry/Cd", "Tp/Cd");
        XmlNode amount = bal.child("Amt");
        if (code == null || amount == null || amount.value() == null) {
            return;
        }
        BigDecimal value = new BigDecimal(amount.value());
        BigDecimal signed = "DBIT".equals(bal.text("CdtDbtInd")) ? value.negate() : value;
        if ((code.equals("OPBD") || code.equals("PRCD")) && !openingSeen) {
            openingSeen = true;
            balances.open(signed);
        } else if (code.equals("CLBD")) {
            closing = signed;
        }
    }

    private void checkBalances() {
        String mismatch = balances.close(closing);
        openingSeen = false;
        if (mismatch != null) {
            throw new RejectedEntryException(prefix + recordName() + " " + recordNumber, "BALANCE_MISMATCH", mismatch, null);
        }
    }

    private void readAccount(XmlNode acct) {
        account = acct.firstText("Id/IBAN", "Id/Othr/Id");
        accountCurrency = acct.text("Ccy");
    }

    private StatementEntry entry(XmlNode ntry) {
        entryNumber++;
        long ordinal = position++;
        String ref = prefix + recordName() + " " + recordNumber + " / Ntry " + entryNumber;
        try {
            StatementEntry parsed = parse(ntry, ordinal, ref);
            if (!parsed.pending()) {
                balances.add(parsed.amount());
            }
            return parsed;
        } catch (IllegalArgumentException | DateTimeParseException | ArithmeticException e) {
            balances.unreliable();
            throw new RejectedEntryException(ref, e instanceof DateTimeParseException ? "DATE_INVALID" : "ENTRY_INVALID",
                    e.getMessage(), null);
        }
    }

    private StatementEntry parse(XmlNode ntry, long ordinal, String ref) {
        XmlNode amount = ntry.find("Amt");
        if (amount == null || amount.value() == null) {
            throw new IllegalArgumentException("the entry has no amount");
        }
        BigDecimal value = new BigDecimal(amount.value());
        String indicator = ntry.text("CdtDbtInd");
        if (!"CRDT".equals(indicator) && !"DBIT".equals(indicator)) {
            throw new IllegalArgumentException("CdtDbtInd is '" + indicator + "', not CRDT or DBIT");
        }
        BigDecimal signed = indicator.equals("DBIT") ? value.negate() : value;
        String currency = amount.attribute("Ccy") != null ? amount.attribute("Ccy") : accountCurrency;
        XmlNode details = firstDetails(ntry);
        return new StatementEntry(ordinal, ref, account, sourceId(ntry), bookingDate(ntry),
                date(ntry, "ValDt", null), signed, currency, counterparty(details, indicator, "Nm"),
                counterparty(details, indicator, "Acct"), description(ntry, details), bankCode(ntry),
                isPending(ntry));
    }

    private static XmlNode firstDetails(XmlNode ntry) {
        XmlNode entryDetails = ntry.child("NtryDtls");
        return entryDetails == null ? null : entryDetails.find("TxDtls");
    }

    private static String sourceId(XmlNode ntry) {
        String id = ntry.text("AcctSvcrRef");
        XmlNode entryDetails = ntry.child("NtryDtls");
        if (id == null && entryDetails != null) {
            List<XmlNode> details = entryDetails.all("TxDtls");
            if (details.size() == 1) {
                id = details.get(0).firstText("Refs/AcctSvcrRef", "Refs/UETR", "Refs/TxId");
            }
        }
        return id == null || id.equalsIgnoreCase("NONREF") ? null : id;
    }

    /** The booking date, else the value date, else the day the bank created the report (intraday reports omit both). */
    private LocalDate bookingDate(XmlNode ntry) {
        if (ntry.child("BookgDt") != null || ntry.child("ValDt") != null || created == null) {
            return date(ntry, "BookgDt", "ValDt");
        }
        return LocalDate.parse(created.strip().substring(0, 10));
    }

    private static LocalDate date(XmlNode ntry, String element, String fallback) {
        XmlNode date = ntry.child(element);
        if (date == null) {
            if (fallback == null) {
                return null;
            }
            date = ntry.child(fallback);
            if (date == null) {
                throw new IllegalArgumentException("the entry has neither " + element + " nor " + fallback);
            }
        }
        String day = date.text("Dt");
        if (day != null) {
            return LocalDate.parse(day.length() > 10 ? day.substring(0, 10) : day);
        }
        String dateTime = date.text("DtTm");
        if (dateTime == null) {
            throw new IllegalArgumentException(element + " has neither Dt nor DtTm");
        }
        // the date as the bank wrote it: its local day, whatever the offset
        return dateTime.length() >= 10 ? LocalDate.parse(dateTime.substring(0, 10)) : OffsetDateTime.parse(dateTime).toLocalDate();
    }

    private static boolean isPending(XmlNode ntry) {
        String status = ntry.firstText("Sts/Cd", "Sts");
        return status != null && !status.equals("BOOK");
    }

    /** The party on the other side: the debtor of a credit, the creditor of a debit. */
    private static String counterparty(XmlNode details, String indicator, String what) {
        if (details == null) {
            return null;
        }
        String party = indicator.equals("CRDT") ? "Dbtr" : "Cdtr";
        if (what.equals("Nm")) {
            return details.firstText("RltdPties/" + party + "/Nm", "RltdPties/" + party + "/Pty/Nm",
                    "RltdPties/Ultmt" + party + "/Nm", "RltdPties/Ultmt" + party + "/Pty/Nm");
        }
        return details.firstText("RltdPties/" + party + "Acct/Id/IBAN", "RltdPties/" + party + "Acct/Id/Othr/Id");
    }

    private static String description(XmlNode ntry, XmlNode details) {
        List<String> parts = new ArrayList<>();
        if (details != null) {
            XmlNode remittance = details.child("RmtInf");
            if (remittance != null) {
                remittance.all("Ustrd").stream().map(XmlNode::value).filter(u -> u != null).forEach(parts::add);
                String reference = remittance.text("Strd/CdtrRefInf/Ref");
                if (reference != null) {
                    parts.add(reference);
                }
            }
            String info = details.text("AddtlTxInf");
            if (info != null) {
                parts.add(info);
            }
        }
        String entryInfo = ntry.text("AddtlNtryInf");
        if (entryInfo != null && !parts.contains(entryInfo)) {
            parts.add(entryInfo);
        }
        String joined = String.join(" ", parts).strip();
        return joined.isEmpty() ? null : joined;
    }

    private static String bankCode(XmlNode ntry) {
        String domain = ntry.text("BkTxCd/Domn/Cd");
        if (domain != null) {
            return domain + "/" + ntry.text("BkTxCd/Domn/Fmly/Cd") + "/" + ntry.text("BkTxCd/Domn/Fmly/SubFmlyCd");
        }
        return ntry.text("BkTxCd/Prtry/Cd");
    }

    private String recordName() {
        return "Stmt";
    }
}
