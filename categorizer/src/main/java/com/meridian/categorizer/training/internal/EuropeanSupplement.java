package com.meridian.categorizer.training.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * Synthetic German, Dutch and French statement lines built from an authored knowledge list
 * ({@code categorizer/training/european-knowledge.csv}: label, language, merchant or keyword), in the formats
 * banks there use: girocard and Betaalautomaat card payments, SEPA direct debits with {@code EREF+}/{@code MREF+}
 * or {@code Kenmerk:}/{@code RUM:} references, SEPA transfers, {@code VIR SEPA RECU /DE ... /MOTIF ...} credits.
 *
 * <p>Why: the labelled corpus is American. Without European lines the model had never seen "Miete", "Gehalt" or
 * "Kartenzahlung" in context and was confidently wrong on them. Rules: generation is deterministic (seeded); every
 * knowledge entry goes whole either to training or (one entry in five, by a hash of its term) to calibration, so
 * the calibration rows carry merchants and words training never saw, which is what the temperature must be fitted
 * for; and the knowledge list shares no merchant with the European evaluation sets, so those stay held out.
 */
public final class EuropeanSupplement {

    public static final String RESOURCE = "/categorizer/training/european-knowledge.csv";
    private static final int ROWS_PER_ENTRY = 6;
    private static final long SEED = 20261201L;

    /** Lines in the corpus format ({@code debit|credit text,,Label}). */
    public record Rows(List<String> train, List<String> calibration) {
    }

    /** One line of the knowledge list. */
    record Entry(String label, String language, boolean merchant, String term) {

        boolean calibration() {
            return Math.floorMod(term.hashCode(), 5) == 0;
        }
    }

    private enum Channel { CARD, DIRECT_DEBIT, TRANSFER_OUT, CREDIT, BANK }

    private static final Map<String, List<Channel>> CHANNELS = Map.ofEntries(
            Map.entry("Groceries", List.of(Channel.CARD)),
            Map.entry("Restaurants", List.of(Channel.CARD)),
            Map.entry("Transportation", List.of(Channel.CARD, Channel.CARD, Channel.DIRECT_DEBIT)),
            Map.entry("Healthcare", List.of(Channel.CARD, Channel.CARD, Channel.TRANSFER_OUT)),
            Map.entry("Personal Care", List.of(Channel.CARD, Channel.CARD, Channel.DIRECT_DEBIT)),
            Map.entry("Entertainment", List.of(Channel.CARD, Channel.CARD, Channel.DIRECT_DEBIT)),
            Map.entry("Travel", List.of(Channel.CARD, Channel.DIRECT_DEBIT, Channel.TRANSFER_OUT)),
            Map.entry("Shopping", List.of(Channel.CARD, Channel.CARD, Channel.TRANSFER_OUT)),
            Map.entry("Subscription", List.of(Channel.DIRECT_DEBIT)),
            Map.entry("Utilities", List.of(Channel.DIRECT_DEBIT)),
            Map.entry("Insurance", List.of(Channel.DIRECT_DEBIT)),
            Map.entry("Rent", List.of(Channel.DIRECT_DEBIT, Channel.TRANSFER_OUT)),
            Map.entry("Mortgage", List.of(Channel.DIRECT_DEBIT, Channel.TRANSFER_OUT)),
            Map.entry("Education", List.of(Channel.DIRECT_DEBIT, Channel.TRANSFER_OUT)),
            Map.entry("Fees", List.of(Channel.BANK)),
            Map.entry("Income", List.of(Channel.CREDIT)),
            Map.entry("Transfer", List.of(Channel.TRANSFER_OUT, Channel.CREDIT)));

    private static final Map<String, Map<Channel, List<String>>> TEMPLATES = Map.of(
            "de", Map.of(
                    Channel.CARD, List.of("Kartenzahlung girocard {date} {m} {city}", "KARTENZAHLUNG {m} {city} {date}",
                            "{m} {city} / Kartenzahlung", "VISA Debit {m} {city} {date}", "Apple Pay {m} {city}"),
                    Channel.DIRECT_DEBIT, List.of(
                            "SEPA-Lastschrift EREF+{ref} MREF+{ref} CRED+DE{n2}ZZZ{n8} SVWZ+{m} {p} {mon} {yyyy}",
                            "SEPA-LASTSCHRIFT {m} {p} {mm}/{yyyy} Mandatsref: {ref}", "Basislastschrift {m} {p} {ref}",
                            "Folgelastschrift {m} {p} EREF+{ref}"),
                    Channel.TRANSFER_OUT, List.of("SEPA-Überweisung {m} {p} IBAN {iban} BIC {bic}",
                            "Dauerauftrag {p} {m}", "Onlinebanking Überweisung an {m} {p}",
                            "Echtzeitüberweisung {m} {p} {date}"),
                    Channel.CREDIT, List.of("SEPA-Gutschrift {m} SVWZ+{p} {mon} {yyyy} EREF+{ref}",
                            "Gutschrift {p} {m} {mon}", "SEPA-Gutschrift {p} {mm}/{yyyy} {m}"),
                    Channel.BANK, List.of("{p} {mon} {yyyy}", "Abrechnung {p} {date}", "{p}")),
            "nl", Map.of(
                    Channel.CARD, List.of("BEA, Betaalpas {m},PAS{n3} NR:{ref}, {city}",
                            "Betaalautomaat {date} {time} {m} {city} pasnr. {n3}", "BEA {m} {city}",
                            "Google Pay {m} {city}", "iDEAL {m} {p} {ref}"),
                    Channel.DIRECT_DEBIT, List.of("SEPA Incasso algemeen doorlopend Incassant: NL{n2}ZZZ{n8} Naam: {m} "
                            + "Machtiging: {ref} Omschrijving: {p} {mon} IBAN: {iban} Kenmerk: {ref}",
                            "SEPA Incasso {m} {p} Kenmerk: {ref}", "Europese incasso {m} {p} {mon}"),
                    Channel.TRANSFER_OUT, List.of("SEPA Overboeking IBAN: {iban} BIC: {bic} Naam: {m} Omschrijving: {p}",
                            "Periodieke overboeking {p} {m}", "Overboeking naar {m} {p}", "iDEAL {m} {p} {ref}"),
                    Channel.CREDIT, List.of("SEPA Overboeking IBAN: {iban} Naam: {m} Omschrijving: {p} {mon}",
                            "Bijschrijving {p} {m} {mon}"),
                    Channel.BANK, List.of("{p} {mon}", "{p} {mm}-{yyyy}", "{p}")),
            "fr", Map.of(
                    Channel.CARD, List.of("CB {m} {ddmm} {city}", "PAIEMENT PAR CARTE {ddmm} {m} {city}",
                            "CARTE X{n4} {ddmm} {m}", "PAIEMENT CB SANS CONTACT {m} {city}"),
                    Channel.DIRECT_DEBIT, List.of("PRLV SEPA {m} {p} ICS: FR{n2}ZZZ{n6} RUM: {ref}",
                            "PRELEVEMENT {m} {p} {mon}", "PRLV SEPA {m} {p} {ddmm}"),
                    Channel.TRANSFER_OUT, List.of("VIR SEPA {m} {p}", "VIREMENT EMIS VERS {m} {p}",
                            "VIR PERMANENT {m} {p}", "VIR INST {m} {p} {ddmm}"),
                    Channel.CREDIT, List.of("VIR SEPA RECU /DE {m} /MOTIF {p} {mon} /REF {ref}",
                            "VIREMENT RECU {m} {p}", "VIR INST RECU {m} {p}"),
                    Channel.BANK, List.of("{p}", "{p} {mon}", "{p} {ddmm}")));

    private static final Map<String, List<String>> CITIES = Map.of(
            "de", List.of("Berlin", "Hamburg", "München", "Köln", "Frankfurt", "Stuttgart", "Nürnberg", "Hannover",
                    "Bonn", "Kiel", "Münster", "Ulm", "Potsdam", "Mainz", "Kassel"),
            "nl", List.of("Amsterdam", "Rotterdam", "Den Haag", "Utrecht", "Tilburg", "Almere", "Breda", "Nijmegen",
                    "Arnhem", "Leiden", "Delft", "Maastricht", "Zoetermeer", "Amersfoort"),
            "fr", List.of("Paris", "Lyon", "Marseille", "Nice", "Nantes", "Strasbourg", "Montpellier", "Reims",
                    "Dijon", "Grenoble", "Angers", "Brest", "Le Mans", "Tours"));
    private static final Map<String, List<String>> SURNAMES = Map.of(
            "de", List.of("Müller", "Schmidt", "Schneider", "Fischer", "Meyer", "Wagner", "Becker", "Hoffmann",
                    "Schäfer", "Koch", "Richter", "Klein", "Wolf", "Neumann", "Schwarz", "Zimmermann"),
            "nl", List.of("de Jong", "Jansen", "de Vries", "van den Berg", "Bakker", "Janssen", "Visser", "Smit",
                    "Meijer", "de Boer", "Mulder", "de Groot", "Bos", "Vos", "Peters", "Hendriks"),
            "fr", List.of("Martin", "Bernard", "Dubois", "Thomas", "Robert", "Richard", "Petit", "Durand", "Leroy",
                    "Moreau", "Simon", "Laurent", "Lefebvre", "Michel", "Garcia", "Roux"));
    private static final Map<String, List<String>> FORMS = Map.of("de", List.of("GmbH", "AG", "KG", "e.K.", ""),
            "nl", List.of("B.V.", "BV", "V.O.F.", ""), "fr", List.of("SAS", "SARL", "SA", ""));
    private static final Map<String, List<String>> MONTHS = Map.of(
            "de", List.of("Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September",
                    "Oktober", "November", "Dezember"),
            "nl", List.of("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
                    "oktober", "november", "december"),
            "fr", List.of("JANVIER", "FEVRIER", "MARS", "AVRIL", "MAI", "JUIN", "JUILLET", "AOUT", "SEPTEMBRE",
                    "OCTOBRE", "NOVEMBRE", "DECEMBRE"));
    private static final List<String> LANGUAGES = List.of("de", "nl", "fr");

    private EuropeanSupplement() {
    }

    /** The supplement built from the shipped knowledge list. */
    public static Rows generate() {
        return generate(knowledgeLines());
    }

    /** The knowledge list's lines (header excluded), as they enter the training data digest. */
    public static List<String> knowledgeLines() {
        try (InputStream in = EuropeanSupplement.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("European knowledge list " + RESOURCE + " is missing");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().skip(1)
                    .filter(l -> !l.isBlank()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Entry> entries(List<String> lines) {
        List<Entry> entries = new ArrayList<>(lines.size());
        for (String line : lines) {
            String[] f = line.split(",", 4);
            if (f.length != 4 || !CHANNELS.containsKey(f[0]) || !(f[2].equals("merchant") || f[2].equals("keyword"))) {
                throw new IllegalArgumentException("bad knowledge line (label,language,merchant|keyword,term): " + line);
            }
            entries.add(new Entry(f[0], f[1], f[2].equals("merchant"), f[3].strip()));
        }
        return entries;
    }

    static Rows generate(List<String> knowledgeLines) {
        List<Entry> entries = entries(knowledgeLines);
        Random random = new Random(SEED);
        List<String> train = new ArrayList<>();
        List<String> calibration = new ArrayList<>();
        for (Entry entry : entries) {
            List<String> target = entry.calibration() ? calibration : train;
            for (int i = 0; i < ROWS_PER_ENTRY; i++) {
                target.add(row(entry, entries, random));
            }
        }
        return new Rows(List.copyOf(train), List.copyOf(calibration));
    }

    private static String row(Entry entry, List<Entry> entries, Random random) {
        String language = LANGUAGES.contains(entry.language()) ? entry.language() : pick(LANGUAGES, random);
        Channel channel = pick(CHANNELS.get(entry.label()), random);
        String name;
        String purpose;
        if (entry.merchant()) {
            name = entry.term();
            purpose = random.nextBoolean() ? keyword(entries, entry.label(), language, random) : "";
        } else {
            purpose = entry.term();
            name = channel == Channel.CARD ? cardName(entry.term(), language, random) : payee(language, random);
        }
        String text = fill(pick(TEMPLATES.get(language).get(channel), random), name, purpose, language, random);
        if (language.equals("fr") && random.nextInt(10) < 7) {
            text = text.toUpperCase(Locale.ROOT);
        }
        String direction = channel == Channel.CREDIT ? "credit" : "debit";
        return direction + " " + text.replaceAll("\\s+", " ").strip() + ",," + entry.label();
    }

    /** A shop known only by its kind: "Friseur Schulz", "Kapsalon de Vries". */
    private static String cardName(String keyword, String language, Random random) {
        String surname = pick(SURNAMES.get(language), random);
        return random.nextBoolean() ? keyword + " " + surname : surname + " " + keyword;
    }

    /** A payee or payer whose name says nothing about the category (a person or a company). */
    private static String payee(String language, Random random) {
        String surname = pick(SURNAMES.get(language), random);
        return random.nextBoolean() ? surname : surname + " " + pick(FORMS.get(language), random);
    }

    private static String keyword(List<Entry> entries, String label, String language, Random random) {
        List<Entry> keywords = entries.stream().filter(e -> !e.merchant() && e.label().equals(label)
                && e.language().equals(language)).toList();
        return keywords.isEmpty() ? "" : pick(keywords, random).term();
    }

    private static String fill(String template, String name, String purpose, String language, Random random) {
        return template.replace("{m}", name).replace("{p}", purpose)
                .replace("{city}", pick(CITIES.get(language), random))
                .replace("{mon}", pick(MONTHS.get(language), random))
                .replace("{date}", String.format(Locale.ROOT, "%02d.%02d.%d", 1 + random.nextInt(28),
                        1 + random.nextInt(12), 2024 + random.nextInt(3)))
                .replace("{ddmm}", String.format(Locale.ROOT, "%02d/%02d", 1 + random.nextInt(28), 1 + random.nextInt(12)))
                .replace("{mm}", String.format(Locale.ROOT, "%02d", 1 + random.nextInt(12)))
                .replace("{yyyy}", Integer.toString(2024 + random.nextInt(3)))
                .replace("{time}", String.format(Locale.ROOT, "%02d:%02d", random.nextInt(24), random.nextInt(60)))
                .replace("{ref}", reference(random))
                .replace("{iban}", String.format(Locale.ROOT, "%s%02d%08d%010d", language.toUpperCase(Locale.ROOT),
                        random.nextInt(100), random.nextInt(100_000_000), (long) random.nextInt(1_000_000_000)))
                .replace("{bic}", pick(List.of("COBADEFFXXX", "INGBNL2A", "RABONL2U", "BNPAFRPP", "DEUTDEFF"), random))
                .replace("{n2}", String.format(Locale.ROOT, "%02d", random.nextInt(100)))
                .replace("{n3}", String.format(Locale.ROOT, "%03d", random.nextInt(1000)))
                .replace("{n4}", String.format(Locale.ROOT, "%04d", random.nextInt(10_000)))
                .replace("{n6}", String.format(Locale.ROOT, "%06d", random.nextInt(1_000_000)))
                .replace("{n8}", String.format(Locale.ROOT, "%08d", random.nextInt(100_000_000)));
    }

    private static String reference(Random random) {
        return String.format(Locale.ROOT, "%c%c%d", (char) ('A' + random.nextInt(26)), (char) ('A' + random.nextInt(26)),
                100_000 + random.nextInt(900_000));
    }

    private static <T> T pick(List<T> list, Random random) {
        return list.get(random.nextInt(list.size()));
    }
}
