package com.meridian.categorizer.training.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;

import com.meridian.categorizer.corrections.TrainingCorrections;
import com.meridian.categorizer.model.internal.FeatureHasher;
import com.meridian.categorizer.normalize.DescriptorNormalizer;
import com.meridian.categorizer.normalize.NormalizedDescriptor;
import com.meridian.categorizer.taxonomy.LabelMapping;

/**
 * The labelled data of a training run, split the same way every time.
 *
 * <p>Rules: {@code train.csv} and the European supplement's training rows ({@link EuropeanSupplement}) train. {@code val.csv} is held out, after removing every row whose normalized text
 * also occurs in training (the corpus repeats 4,185 validation texts verbatim, and more differ only by a number),
 * so the figures measure texts the model never saw. The held-out rows are then split in two by a hash of the text:
 * one half fits the calibration temperatures, the other is the test set every figure is reported on. The
 * supplement's calibration rows (merchants and words training never saw) join the calibration half only.
 */
public record Corpus(List<String> labels, List<LabelledExample> train, List<LabelledExample> calibration,
        List<LabelledExample> test, List<LabelledExample> bankFormats, List<LabelledExample> european,
        List<LabelledExample> europeanSecond, int europeanTrainRows, int europeanCalibrationRows, int heldOutRemoved,
        String digest) {

    public static final List<String> LABELS = List.copyOf(LabelMapping.all().keySet().stream().sorted().toList());

    /** Loads {@code dir}/train.csv and val.csv; {@code limit} > 0 keeps only the first rows of each (for tests). */
    public static Corpus load(Path dir, FeatureHasher hasher, int limit, String settings) {
        return load(dir, null, hasher, limit, settings);
    }

    /**
     * As {@link #load(Path, FeatureHasher, int, String)}, plus tenants' corrections ({@code corrections}, may be
     * null) as training rows: the CSV {@link TrainingCorrections#write} makes (docs/categorizer.md has the export).
     * Corrections only ever train; a correction whose category maps to no label is left out and counted.
     */
    public static Corpus load(Path dir, Path corrections, FeatureHasher hasher, int limit, String settings) {
        DescriptorNormalizer normalizer = new DescriptorNormalizer();
        List<String> trainLines = new ArrayList<>(lines(dir.resolve("train.csv"), limit));
        List<String> valLines = lines(dir.resolve("val.csv"), limit);
        EuropeanSupplement.Rows supplement = EuropeanSupplement.generate();
        List<String> supplementTrain = limit > 0
                ? supplement.train().subList(0, Math.min(limit, supplement.train().size())) : supplement.train();
        trainLines.addAll(supplementTrain);
        if (corrections != null) {
            trainLines.addAll(correctionRows(TrainingCorrections.read(corrections)));
        }
        List<LabelledExample> train = parse(trainLines, normalizer, hasher);
        Set<String> seen = new HashSet<>();
        train.forEach(e -> seen.add(e.descriptor().text()));
        List<LabelledExample> calibration = new ArrayList<>();
        List<LabelledExample> test = new ArrayList<>();
        int removed = 0;
        for (LabelledExample e : parse(valLines, normalizer, hasher)) {
            if (!seen.add(e.descriptor().text())) {
                removed++;
            } else if ((e.text().hashCode() & 1) == 0) {
                calibration.add(e);
            } else {
                test.add(e);
            }
        }
        // European rows of knowledge entries training never saw: they calibrate, they are never a test figure
        int europeanCalibration = 0;
        List<String> supplementCalibration = limit > 0
                ? supplement.calibration().subList(0, Math.min(limit, supplement.calibration().size()))
                : supplement.calibration();
        for (LabelledExample e : parse(supplementCalibration, normalizer, hasher)) {
            if (seen.add(e.descriptor().text())) {
                calibration.add(e);
                europeanCalibration++;
            }
        }
        String digest = digest(trainLines, valLines, settings);
        return new Corpus(LABELS, train, calibration, test, bankFormats(dir, normalizer, hasher),
                european("european-remittance.csv", normalizer, hasher),
                european("european-remittance-2.csv", normalizer, hasher), supplementTrain.size(), europeanCalibration,
                removed, digest);
    }

    /**
     * SHA-256 over the data rows, the label mapping, the feature settings and the merchant dictionary: what the
     * model was made from.
     */
    public static String digest(List<String> trainLines, List<String> valLines, String settings) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            List<String> sources = List.of(new TreeMap<>(LabelMapping.all()).toString(), settings,
                    resource("/categorizer/merchants/nsi-merchants.csv"), resource(EuropeanSupplement.RESOURCE));
            for (List<String> part : List.of(trainLines, valLines, sources)) {
                for (String line : part) {
                    sha.update(line.getBytes(StandardCharsets.UTF_8));
                    sha.update((byte) '\n');
                }
                sha.update((byte) 0);
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String resource(String name) {
        try (var in = Corpus.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static List<String> lines(Path file, int limit) {
        try (var stream = Files.lines(file, StandardCharsets.UTF_8)) {
            List<String> lines = stream.skip(1).filter(l -> !l.isBlank()).toList();
            return limit > 0 && lines.size() > limit ? lines.subList(0, limit) : lines;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /**
     * The test rows whose merchant (first two normalized words) never occurs in training: the hardest slice, closest
     * to a new tenant's unfamiliar merchants.
     */
    public List<LabelledExample> unseenMerchants() {
        Set<String> known = new HashSet<>();
        train.forEach(e -> known.add(merchant(e)));
        return test.stream().filter(e -> !known.contains(merchant(e))).toList();
    }

    private static String merchant(LabelledExample e) {
        List<String> tokens = e.descriptor().tokens();
        return String.join(" ", tokens.subList(0, Math.min(2, tokens.size())));
    }

    /**
     * The corpus' 49 hand-written statement lines (upper case, signed amounts, other formats): never trained on,
     * a check of robustness to bank formats rather than of accuracy.
     */
    private static List<LabelledExample> bankFormats(Path dir, DescriptorNormalizer normalizer, FeatureHasher hasher) {
        Path file = dir.resolve("app_test_transactions.csv");
        if (!Files.exists(file)) {
            return List.of();
        }
        List<LabelledExample> out = new ArrayList<>();
        for (String line : lines(file, 0)) {
            String[] f = line.split(",");
            BigDecimal amount = new BigDecimal(f[2].strip());
            NormalizedDescriptor descriptor = normalizer.normalize(f[1]);
            out.add(new LabelledExample(f[1], amount, descriptor, hasher.features(descriptor, amount),
                    LABELS.indexOf(f[4].strip())));
        }
        return out;
    }

    /** Corrections as corpus rows ({@code debit|credit text,,label}); unmappable categories are skipped. */
    static List<String> correctionRows(List<TrainingCorrections.TrainingRow> corrections) {
        List<String> rows = new ArrayList<>(corrections.size());
        for (TrainingCorrections.TrainingRow c : corrections) {
            String text = c.text().replace(',', ' ').toLowerCase(java.util.Locale.ROOT);
            String direction = c.amount().signum() > 0 ? "credit" : "debit";
            LabelMapping.label(c.categoryCode()).ifPresent(label -> rows.add(direction + " " + text + ",," + label));
        }
        return rows;
    }

    /**
     * German, Dutch and French statement lines written for the product ({@code categorizer/eval/}{@code file}:
     * description, signed amount, label), never trained on: does European SEPA text throw the model off?
     * {@code european-remittance.csv} (50 lines) came first; {@code european-remittance-2.csv} (84 lines) was
     * written before any European training data existed. Neither shares a merchant with the European knowledge list
     * ({@code EuropeanSupplementTest}). Written by the team, not sampled from a bank, so checks, not measurements.
     */
    private static List<LabelledExample> european(String file, DescriptorNormalizer normalizer, FeatureHasher hasher) {
        try (var in = Corpus.class.getResourceAsStream("/categorizer/eval/" + file)) {
            List<LabelledExample> out = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().skip(1).toList()) {
                int last = line.lastIndexOf(',');
                int middle = line.lastIndexOf(',', last - 1);
                String text = line.substring(0, middle);
                BigDecimal amount = new BigDecimal(line.substring(middle + 1, last).strip());
                NormalizedDescriptor descriptor = normalizer.normalize(text);
                out.add(new LabelledExample(text, amount, descriptor, hasher.features(descriptor, amount),
                        LABELS.indexOf(line.substring(last + 1).strip())));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<LabelledExample> parse(List<String> lines, DescriptorNormalizer normalizer,
            FeatureHasher hasher) {
        List<LabelledExample> out = new ArrayList<>(lines.size());
        for (String line : lines) {
            int last = line.lastIndexOf(',');
            int middle = line.lastIndexOf(',', last - 1);
            String text = line.substring(0, middle);
            String category = line.substring(last + 1).strip();
            int label = LABELS.indexOf(category);
            if (label < 0) {
                throw new IllegalArgumentException("unknown label '" + category + "' in line: " + line);
            }
            BigDecimal sign = text.startsWith("credit") ? BigDecimal.ONE : BigDecimal.ONE.negate();
            NormalizedDescriptor descriptor = normalizer.normalize(text);
            out.add(new LabelledExample(text, sign, descriptor, hasher.features(descriptor, sign), label));
        }
        return out;
    }
}
