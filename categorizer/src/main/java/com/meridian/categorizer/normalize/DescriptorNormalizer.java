package com.meridian.categorizer.normalize;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns bank statement text into what categorization looks at.
 *
 * <p>Business rules: the same merchant must look the same whatever bank, card or processor reported it. So
 * card numbers, dates, IBANs, references, store numbers and trailing US state / country codes are removed;
 * processor prefixes ({@code SQ *}, {@code TST*}, {@code PAYPAL *}, {@code POS DEBIT}...) and SEPA field labels
 * ({@code EREF+}, {@code MREF+}, {@code SVWZ+}, {@code Kenmerk:}, {@code RUM:}...) are removed but kept as
 * signals; German, Dutch and French banking words ({@code Lastschrift}, {@code Incasso}, {@code PRLV SEPA},
 * {@code Miete}, {@code Huur}, {@code Loyer}...) are translated into the English the model was trained on, so a
 * European remittance text does not throw it off. Stateless and thread-safe.
 */
public final class DescriptorNormalizer {

    private static final Pattern ACCENTS = Pattern.compile("\\p{M}+");
    private static final Pattern SEPA_TAG = Pattern.compile(
            "\\b(eref|mref|cred|kref|iban|bic|pref|coam|oamt|debt|purp)\\+\\S*");
    private static final Pattern SEPA_LABEL = Pattern.compile("\\b(?:end-to-end-ref\\.?|mandatsref\\.?|"
            + "mandat|glaubiger-id|kenmerk|machtiging|incassant id|ref|ics|rum|iban|bic|transactie|"
            + "referenz|kundenreferenz|incassant|nr)\\s*:\\s*\\S+");
    /** Labels whose value is the text worth reading (purpose, payer or ultimate party's name): only the label goes. */
    private static final Pattern FIELD_LABEL = Pattern.compile(
            "\\b(svwz\\+|abwa\\+|abwe\\+|ultc\\+|ultd\\+|verwendungszweck:?|omschrijving:|naam:|name:|libelle:|"
            + "motif:|de:|a:|pour:)");
    /** French structured transfer fields ({@code VIR SEPA RECU /DE ACME /MOTIF PAIE /REF 123}). */
    private static final Pattern SLASH_LABEL = Pattern.compile("(?:^|\\s)/(?:de|motif|lib|bnf|ben|pour)\\b");
    private static final Pattern SLASH_REFERENCE = Pattern.compile(
            "(?:^|\\s)/(?:ref|id|iid|date|rum|ics|eref|nbe|frais)\\b\\s*\\S*");
    private static final Pattern IBAN = Pattern.compile("\\b[a-z]{2}[0-9]{2}(?: ?[a-z0-9]{4}){2,7}(?: ?[a-z0-9]{1,3})?\\b");
    private static final Pattern CARD = Pattern.compile(
            "\\b(?:[0-9][ -]?){12,18}[0-9]\\b|(?:x{2,}|\\*{2,}|#{2,})[ -]?[0-9]{4}\\b|\\bcard (?:ending (?:in )?)?[0-9]{4}\\b");
    private static final Pattern DATE = Pattern.compile("\\b[0-9]{1,4}[./-][0-9]{1,2}(?:[./-][0-9]{2,4})?\\b"
            + "|\\b[0-9]{1,2}[./][0-9]{4}\\b|\\b[0-9]{1,2}:[0-9]{2}(?::[0-9]{2})?\\b");
    private static final Pattern STORE = Pattern.compile("#\\s*[0-9]+|\\bstore\\s*[0-9]+|\\b[a-z]-?[0-9]{3,}\\b");
    private static final Pattern STAR_PREFIX = Pattern.compile(
            "\\b(sq|square|squ|tst|toast|paypal|pp|sumup|izettle|zettle_?|clover) ?\\*");
    private static final Map<String, String> STAR_SIGNALS = Map.ofEntries(Map.entry("sq", "proc:square"),
            Map.entry("square", "proc:square"), Map.entry("squ", "proc:square"), Map.entry("tst", "proc:toast"),
            Map.entry("toast", "proc:toast"), Map.entry("paypal", "proc:paypal"), Map.entry("pp", "proc:paypal"));

    /**
     * Word sequences replaced after tokenizing: processor and card-payment words (removed, kept as a signal) and
     * German, Dutch and French banking words (translated into the English of the training data). One hash lookup
     * per word position instead of a regex alternation over the whole text: this is the hot path.
     */
    private static final Map<String, Phrase> PHRASES = phrases();
    private static final int LONGEST_PHRASE = 4;
    private static final Set<String> PHRASE_STARTS = PHRASES.keySet().stream().filter(k -> k.indexOf(' ') > 0)
            .map(k -> k.substring(0, k.indexOf(' '))).collect(java.util.stream.Collectors.toUnmodifiableSet());

    private static final Set<String> LEADING_DIRECTION = Set.of("debit", "credit");

    private static final Set<String> TRAILING_LOCATIONS = Set.of("al", "ak", "az", "ar", "ca", "co", "ct", "de",
            "fl", "ga", "hi", "id", "il", "in", "ia", "ks", "ky", "la", "me", "md", "ma", "mi", "mn", "ms", "mo",
            "mt", "ne", "nv", "nh", "nj", "nm", "ny", "nc", "nd", "oh", "ok", "or", "pa", "ri", "sc", "sd", "tn",
            "tx", "ut", "vt", "va", "wa", "wv", "wi", "wy", "dc", "us", "usa", "deu", "nl", "nld", "fr", "fra",
            "gb", "gbr", "uk", "be", "bel", "at", "aut", "ch", "che", "lu", "lux", "ie", "irl", "es", "esp", "it",
            "ita");

    /** Normalizes one transaction's merchant, counterparty and description into one descriptor. */
    public NormalizedDescriptor normalize(String merchantName, String counterpartyName, String description) {
        Set<String> signals = new LinkedHashSet<>();
        String merchant = clean(merchantName, signals);
        String counterparty = clean(counterpartyName, signals);
        List<String> parts = new ArrayList<>(3);
        addPart(parts, merchant);
        addPart(parts, counterparty);
        addPart(parts, clean(description, signals));
        String text = String.join(" ", parts);
        List<String> tokens = text.isEmpty() ? List.of() : Arrays.asList(text.split(" "));
        MerchantDictionary.instance().addSignals(tokens, signals);
        return new NormalizedDescriptor(text, tokens, signals, merchantKey(merchant, counterparty, tokens));
    }

    /** Normalizes one free text (a description alone). */
    public NormalizedDescriptor normalize(String description) {
        return normalize(null, null, description);
    }

    String clean(String raw, Set<String> signals) {
        if (raw == null || raw.isBlank()) {
            return "";
        }
        String s = fold(raw);
        // each pass is gated by a cheap character test: most descriptors need only a few of them
        if (s.indexOf('+') >= 0 || s.indexOf(':') >= 0) {
            s = remove(SEPA_TAG, s, signals, "has:sepa_ref");
            s = remove(SEPA_LABEL, s, signals, "has:sepa_ref");
            s = FIELD_LABEL.matcher(s).replaceAll(" ");
        }
        if (s.indexOf('/') >= 0) {
            s = remove(SLASH_REFERENCE, s, signals, "has:sepa_ref");
            s = SLASH_LABEL.matcher(s).replaceAll(" ");
        }
        if (hasDigit(s)) {
            s = remove(IBAN, s, signals, "has:iban");
            s = remove(CARD, s, signals, "has:card");
            s = remove(DATE, s, signals, "has:date");
            s = remove(STORE, s, signals, "has:store");
        }
        if (s.indexOf('*') >= 0) {
            s = starPrefixes(s, signals);
        }
        return String.join(" ", words(tokens(s), signals));
    }

    private static List<String> words(List<String> tokens, Set<String> signals) {
        if (!tokens.isEmpty() && LEADING_DIRECTION.contains(tokens.get(0))) {
            tokens = tokens.subList(1, tokens.size());
        }
        List<String> out = new ArrayList<>(tokens.size() + 2);
        for (int i = 0; i < tokens.size(); ) {
            int used = phrase(tokens, i, out, signals);
            if (used == 0) {
                out.add(tokens.get(i));
                used = 1;
            }
            i += used;
        }
        return dropTrailingLocation(out, signals);
    }

    /** Applies the longest phrase starting at {@code i}; returns how many tokens it used (0: none). */
    private static int phrase(List<String> tokens, int i, List<String> out, Set<String> signals) {
        int longest = PHRASE_STARTS.contains(tokens.get(i)) ? Math.min(LONGEST_PHRASE, tokens.size() - i) : 1;
        for (int n = longest; n >= 1; n--) {
            Phrase p = PHRASES.get(n == 1 ? tokens.get(i) : String.join(" ", tokens.subList(i, i + n)));
            if (p != null && (i > 0 || !p.notFirst())) {
                signals.add(p.signal());
                out.addAll(p.replacement());
                return n;
            }
        }
        return 0;
    }

    /**
     * Lower-case words of letters, digits and '&'; tokens with three or more digits are references, and bare numbers
     * after the first word are dropped.
     */
    private static List<String> tokens(String s) {
        List<String> tokens = new ArrayList<>(12);
        StringBuilder word = new StringBuilder(16);
        int digits = 0;
        for (int i = 0; i <= s.length(); i++) {
            char c = i < s.length() ? s.charAt(i) : ' ';
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '&') {
                word.append(c);
                digits += c <= '9' && c != '&' ? 1 : 0;
            } else if (word.length() > 0) {
                // a bare number after the first word is a house number, an instalment or a branch: noise
                boolean bareNumber = digits == word.length() && !tokens.isEmpty();
                if (digits < 3 && !bareNumber) {
                    tokens.add(word.toString());
                }
                word.setLength(0);
                digits = 0;
            }
        }
        return tokens;
    }

    private static String starPrefixes(String s, Set<String> signals) {
        Matcher m = STAR_PREFIX.matcher(s);
        if (!m.find()) {
            return s;
        }
        StringBuilder out = new StringBuilder(s.length());
        do {
            signals.add(STAR_SIGNALS.getOrDefault(m.group(1), "proc:pos"));
            m.appendReplacement(out, " ");
        } while (m.find());
        m.appendTail(out);
        return out.toString();
    }

    private static boolean hasDigit(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                return true;
            }
        }
        return false;
    }

    private static String fold(String raw) {
        String lower = raw.toLowerCase(Locale.ROOT).replace("ß", "ss");
        // Only decompose when needed: most US descriptors are plain ASCII and this is the hot path.
        for (int i = 0; i < lower.length(); i++) {
            if (lower.charAt(i) > 127) {
                return ACCENTS.matcher(Normalizer.normalize(lower, Normalizer.Form.NFKD)).replaceAll("");
            }
        }
        return lower;
    }

    private static String remove(Pattern pattern, String s, Set<String> signals, String signal) {
        Matcher m = pattern.matcher(s);
        if (!m.find()) {
            return s;
        }
        signals.add(signal);
        return m.replaceAll(" ");
    }

    private static List<String> dropTrailingLocation(List<String> tokens, Set<String> signals) {
        int end = tokens.size();
        while (end > 2 && TRAILING_LOCATIONS.contains(tokens.get(end - 1))) {
            end--;
        }
        if (end == tokens.size()) {
            return tokens;
        }
        signals.add("has:location");
        return tokens.subList(0, end);
    }

    private static void addPart(List<String> parts, String part) {
        if (part.isEmpty()) {
            return;
        }
        for (int i = 0; i < parts.size(); i++) {
            if (parts.get(i).contains(part)) {
                return;
            }
            if (part.contains(parts.get(i))) {
                parts.set(i, part);
                return;
            }
        }
        parts.add(part);
    }

    /** The merchant, else the counterparty, else the first three words of the description. */
    private static String merchantKey(String merchant, String counterparty, List<String> tokens) {
        if (!merchant.isEmpty()) {
            return merchant;
        }
        if (!counterparty.isEmpty()) {
            return counterparty;
        }
        return String.join(" ", tokens.subList(0, Math.min(3, tokens.size())));
    }

    private static Map<String, Phrase> phrases() {
        Map<String, Phrase> phrases = new HashMap<>();
        glossary().forEach((words, english) -> phrases.put(words.replace('-', ' '),
                new Phrase(List.of(english.split(" ")), "lang:eu")));
        // Payment rails are how money moved, not what it was for: a SEPA transfer pays rent as often as it moves
        // savings, and in the US training data the word "transfer" means the Transfer category. So they become
        // signals, never words.
        paymentRails().forEach((words, kind) -> phrases.put(words, new Phrase(List.of(), kind)));
        for (String card : List.of("pos debit", "pos purchase", "pos transaction", "pos withdrawal", "debit card purchase",
                "card purchase", "checkcard", "purchase authorized on", "visa debit", "visa purchase", "kartenzahlung",
                "girocard", "betaalautomaat", "bea", "paiement par carte", "paiement cb", "carte", "cb", "debitkarte",
                "debitk", "visa debit", "maestro", "vpay", "v pay", "apple pay", "google pay", "kontaktlos",
                "contactless", "sans contact", "betaalpas", "pasnr", "pasvolgnr", "kartennr", "folgenr", "verfalld",
                "terminal", "uhrzeit", "datum")) {
            phrases.put(card, new Phrase(List.of(), "kind:card"));
        }
        phrases.put("ideal", new Phrase(List.of(), "proc:ideal"));
        phrases.put("sepa", new Phrase(List.of(), "has:sepa"));
        // Legal forms say nothing about what was bought, and a word the US data never shows ("gmbh") was enough to
        // pull a supermarket into Shopping at 0.998. Not at the start: "co" or "sa" may begin a name.
        for (String form : List.of("gmbh", "mbh", "ag", "kg", "ohg", "gbr", "ug", "eg", "e v", "e k", "ev", "se",
                "co kg", "gmbh co kg", "bv", "b v", "nv", "n v", "vof", "sa", "s a", "sas", "s a s", "sarl",
                "s a r l", "sasu", "eurl", "snc", "ltd", "llc", "inc", "corp", "plc", "co")) {
            phrases.put(form, new Phrase(List.of(), "has:legal_form", true));
        }
        // Months say when, not what: "Miete November" and "Salary November" are rent and salary any month.
        for (String month : List.of("january", "february", "april", "june", "july", "september", "october",
                "november", "december", "januar", "februar", "marz", "maerz", "juni", "juli", "oktober", "dezember",
                "januari", "februari", "maart", "mei", "augustus", "janvier", "fevrier", "avril", "juin", "juillet",
                "aout", "septembre", "octobre", "novembre", "decembre")) {
            phrases.put(month, new Phrase(List.of(), "has:period", true));
        }
        phrases.put("paypal", new Phrase(List.of(), "proc:paypal"));
        phrases.put("paypal inst xfer", new Phrase(List.of(), "proc:paypal"));
        phrases.put("iban", new Phrase(List.of(), "has:iban"));
        phrases.put("bic", new Phrase(List.of(), "has:iban"));
        phrases.put("sumup", new Phrase(List.of(), "proc:pos"));
        phrases.put("izettle", new Phrase(List.of(), "proc:pos"));
        return Map.copyOf(phrases);
    }

    private static Map<String, String> paymentRails() {
        Map<String, String> rails = new HashMap<>();
        for (String debit : List.of("sepa lastschrift", "lastschrift", "basislastschrift", "sepa basislastschrift",
                "folgelastschrift", "erstlastschrift", "einmallastschrift", "firmenlastschrift", "sepa incasso",
                "incasso", "europese incasso", "algemeen doorlopend", "doorlopend", "eenmalig", "prlv sepa", "prlv",
                "prelevement sepa", "prelevement europeen", "prelevement")) {
            rails.put(debit, "kind:direct_debit");
        }
        for (String transfer : List.of("sepa uberweisung", "uberweisung", "sepa ueberweisung", "ueberweisung",
                "uberweisung an", "ueberweisung an", "overboeking naar", "emis vers", "vir sepa emis vers",
                "echtzeituberweisung", "echtzeitueberweisung", "onlinebanking", "online banking", "overboeking",
                "sepa overboeking", "periodieke overboeking", "bijschrijving", "afschrijving", "vir sepa", "vir inst",
                "virement", "virement permanent", "vir permanent", "vir", "emis", "dauerauftrag", "sepa gutschrift",
                "gutschrift", "vir sepa recu", "recu")) {
            rails.put(transfer, "kind:transfer");
        }
        return rails;
    }

    private static Map<String, String> glossary() {
        return Map.ofEntries(
                Map.entry("geldautomat", "atm withdrawal"), Map.entry("geldautomaat", "atm withdrawal"),
                Map.entry("bargeldauszahlung", "atm withdrawal"), Map.entry("retrait dab", "atm withdrawal"),
                Map.entry("retrait", "atm withdrawal"), Map.entry("opname", "atm withdrawal"),
                Map.entry("gehalt", "payroll"), Map.entry("lohn", "payroll"), Map.entry("bezuge", "payroll"),
                Map.entry("bezuege", "payroll"), Map.entry("salary", "payroll"), Map.entry("wages", "payroll"),
                Map.entry("salaris", "payroll"), Map.entry("loon", "payroll"), Map.entry("salaire", "payroll"),
                Map.entry("miete", "rent"), Map.entry("kaltmiete", "rent"), Map.entry("warmmiete", "rent"),
                Map.entry("huur", "rent"), Map.entry("loyer", "rent"),
                Map.entry("hypothek", "mortgage"), Map.entry("hypotheek", "mortgage"), Map.entry("darlehen", "loan"),
                Map.entry("ech pret", "mortgage"), Map.entry("pret immobilier", "mortgage"),
                Map.entry("versicherung", "insurance"), Map.entry("verzekering", "insurance"),
                Map.entry("assurance", "insurance"), Map.entry("mutuelle", "health insurance"),
                Map.entry("krankenkasse", "health insurance"), Map.entry("zorgverzekeraar", "health insurance"),
                Map.entry("apotheke", "pharmacy"), Map.entry("apotheek", "pharmacy"), Map.entry("pharmacie", "pharmacy"),
                Map.entry("arzt", "doctor"), Map.entry("zahnarzt", "dentist"), Map.entry("huisarts", "doctor"),
                Map.entry("tandarts", "dentist"), Map.entry("medecin", "doctor"),
                Map.entry("strom", "electric"), Map.entry("stadtwerke", "electric utility"),
                Map.entry("electricite", "electric"), Map.entry("wasser", "water"),
                Map.entry("zinsen", "interest"), Map.entry("interets", "interest"),
                Map.entry("entgelt", "fee"), Map.entry("gebuhr", "fee"), Map.entry("gebuhren", "fee"),
                Map.entry("gebuehr", "fee"), Map.entry("gebuehren", "fee"),
                Map.entry("kontofuhrungsentgelt", "account fee"), Map.entry("kontofuhrung", "account fee"),
                Map.entry("kontofuehrungsentgelt", "account fee"), Map.entry("kontofuehrung", "account fee"),
                Map.entry("frais", "fee"), Map.entry("kosten", "fee"), Map.entry("commission", "fee"),
                Map.entry("supermarkt", "supermarket"), Map.entry("supermarche", "supermarket"),
                Map.entry("tankstelle", "gas station"), Map.entry("station service", "gas station"),
                Map.entry("backerei", "bakery"), Map.entry("baeckerei", "bakery"), Map.entry("bakkerij", "bakery"), Map.entry("boulangerie", "bakery"),
                Map.entry("finanzamt", "tax"), Map.entry("belastingdienst", "tax"), Map.entry("impots", "tax"),
                Map.entry("steuer", "tax"), Map.entry("schule", "school"), Map.entry("ecole", "school"),
                Map.entry("universitat", "university"), Map.entry("universitaet", "university"), Map.entry("universiteit", "university"),
                Map.entry("universite", "university"), Map.entry("zahlung", "payment"),
                Map.entry("betaling", "payment"), Map.entry("paiement", "payment"),
                Map.entry("erstattung", "refund"), Map.entry("terugbetaling", "refund"),
                Map.entry("remboursement", "refund"));
    }

    /** Words that replace a phrase, and the signal that records it. */
    private record Phrase(List<String> replacement, String signal, boolean notFirst) {

        Phrase(List<String> replacement, String signal) {
            this(replacement, signal, false);
        }
    }
}
