package com.meridian.ingest.imports.mt940;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code :86:} narrative of one statement line in the dialects banks use: German structured fields
 * ({@code 166?00...?20...?32...}: {@code ?20}-{@code ?29} and {@code ?60}-{@code ?63} remittance, {@code ?31}
 * counterparty account, {@code ?32}/{@code ?33} name, the first three digits the GVC code), Dutch tags
 * ({@code /NAME/.../REMI/.../IBAN/...}), else free text. Lines are joined without a break where the bank cut a
 * 65-character line, with a space elsewhere.
 */
record Narrative(String counterpartyName, String counterpartyAccount, String remittance, String code) {

    private static final Pattern GERMAN = Pattern.compile("^(\\d{3})?\\?\\d{2}.*", Pattern.DOTALL);
    private static final Pattern GERMAN_FIELD = Pattern.compile("\\?(\\d{2})([^?]*)");
    private static final Pattern DUTCH_FIELD = Pattern.compile("/(NAME|REMI|IBAN|BIC|CNTP|TRTP|EREF|BENM|ORDP|ADDR|CSID|MARF|ISDT|RTRN|PREF)/");

    static Narrative parse(String raw) {
        if (raw == null || raw.isBlank()) {
            return new Narrative(null, null, null, null);
        }
        String text = join(raw);
        if (GERMAN.matcher(text).matches()) {
            return german(text);
        }
        if (DUTCH_FIELD.matcher(text).find()) {
            return dutch(text);
        }
        return new Narrative(null, null, text, null);
    }

    String description(String supplementary) {
        if (remittance != null) {
            return remittance;
        }
        return supplementary == null || supplementary.isBlank() ? null : supplementary.strip();
    }

    String transactionCode(String swiftType) {
        return code != null ? code : swiftType;
    }

    private static Narrative german(String text) {
        StringBuilder remittance = new StringBuilder();
        StringBuilder name = new StringBuilder();
        String account = null;
        Matcher field = GERMAN_FIELD.matcher(text);
        while (field.find()) {
            int number = Integer.parseInt(field.group(1));
            String value = field.group(2);
            if ((number >= 20 && number <= 29) || (number >= 60 && number <= 63)) {
                remittance.append(value);
            } else if (number == 32 || number == 33) {
                name.append(value);
            } else if (number == 31) {
                account = value.strip();
            }
        }
        String code = text.length() >= 3 && Character.isDigit(text.charAt(0)) ? text.substring(0, 3) : null;
        return new Narrative(blankToNull(name.toString()), blankToNull(account), blankToNull(remittance.toString()), code);
    }

    private static Narrative dutch(String text) {
        Map<String, String> fields = new LinkedHashMap<>();
        Matcher tag = DUTCH_FIELD.matcher(text);
        int start = -1;
        String name = null;
        while (tag.find()) {
            if (name != null) {
                fields.putIfAbsent(name, text.substring(start, tag.start()));
            }
            name = tag.group(1);
            start = tag.end();
        }
        if (name != null) {
            fields.putIfAbsent(name, text.substring(start));
        }
        String counterparty = fields.containsKey("NAME") ? fields.get("NAME") : lastPart(fields.get("CNTP"));
        String remittance = fields.getOrDefault("REMI", text);
        return new Narrative(blankToNull(counterparty), blankToNull(fields.get("IBAN")), blankToNull(remittance),
                blankToNull(fields.get("TRTP")));
    }

    /** ING's {@code /CNTP/iban/bic/name/city/}: the name is the third part. */
    private static String lastPart(String cntp) {
        if (cntp == null) {
            return null;
        }
        String[] parts = cntp.split("/");
        return parts.length >= 3 ? parts[2] : null;
    }

    private static String join(String raw) {
        String[] lines = raw.split("\n");
        StringBuilder text = new StringBuilder(lines[0].strip());
        for (int i = 1; i < lines.length; i++) {
            boolean cut = lines[i - 1].length() >= 65 || lines[i].startsWith("?");
            text.append(cut ? "" : " ").append(lines[i].strip());
        }
        return text.toString();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip().replaceAll("\\s+", " ");
    }
}
