package com.meridian.categorizer.training;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import com.meridian.categorizer.CategorizerProperties;
import com.meridian.categorizer.ConfidenceLevels;
import com.meridian.categorizer.model.CategoryModel;
import com.meridian.categorizer.model.Familiarity;
import com.meridian.categorizer.model.ModelMetadata;
import com.meridian.categorizer.model.internal.FeatureHasher;
import com.meridian.categorizer.model.internal.MlpWeights;
import com.meridian.categorizer.model.internal.Vocabulary;
import com.meridian.categorizer.taxonomy.LabelMapping;
import com.meridian.categorizer.training.internal.Corpus;
import com.meridian.categorizer.training.internal.Evaluation;
import com.meridian.categorizer.training.internal.KeywordRules;
import com.meridian.categorizer.training.internal.LabelledExample;
import com.meridian.categorizer.training.internal.LinearBaseline;
import com.meridian.categorizer.training.internal.MlpTrainer;
import com.meridian.categorizer.training.internal.TemperatureScaling;
import com.meridian.schemas.events.CategorizedTransaction.ConfidenceLevel;

/**
 * The one command that rebuilds the shipped model from its sources ({@code categorizer/train.sh}): it trains the
 * DL4J network on the labelled corpus, fits the calibration temperature on one half of the held-out data,
 * evaluates on the other half next to a TF-IDF + logistic-regression baseline and keyword rules alone, and writes
 * {@code model.bin}, {@code model.json} (version, digests, evaluation) and {@code evaluation.md}.
 *
 * <p>Options: {@code --corpus DIR} (the S-FK categorization set), {@code --corrections FILE} (tenants' corrections
 * exported as {@code description,amount,category_code}), {@code --out DIR}, {@code --limit N} (first N rows
 * of each file, for quick checks), {@code --epochs N}, {@code --dims N}, {@code --hidden N}.
 */
public final class TrainCategorizerCommand {

    private static final Logger log = LoggerFactory.getLogger(TrainCategorizerCommand.class);

    private static final int MIN_CALIBRATION_ROWS = 30;

    public static final MlpTrainer.Settings DEFAULT_SETTINGS = new MlpTrainer.Settings(8192, 64, 4, 128, 0.003, 1e-5, 42);

    private TrainCategorizerCommand() {
    }

    public static void main(String[] args) throws IOException {
        Map<String, String> options = options(args);
        Path corpus = Path.of(options.getOrDefault("corpus",
                "../shared/corpus/categorization/S-FK-transaction_categorization"));
        Path out = Path.of(options.getOrDefault("out", "categorizer/src/main/resources/categorizer"));
        MlpTrainer.Settings s = DEFAULT_SETTINGS;
        s = new MlpTrainer.Settings(intOption(options, "dims", s.dimensions()), intOption(options, "hidden", s.hidden()),
                intOption(options, "epochs", s.epochs()), s.batchSize(), s.learningRate(), s.l2(), s.seed());
        Path corrections = options.containsKey("corrections") ? Path.of(options.get("corrections")) : null;
        Result result = run(corpus, corrections, s, intOption(options, "limit", 0));
        result.write(out);
        System.out.println(result.report());
    }

    /** What a training run made: the model files' contents and the report. */
    public record Result(ModelMetadata metadata, byte[] weights, String report) {

        public void write(Path dir) throws IOException {
            Files.createDirectories(dir);
            Files.write(dir.resolve("model.bin"), weights);
            JsonMapper json = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
            Files.writeString(dir.resolve("model.json"), json.writeValueAsString(metadata) + "\n");
            Files.writeString(dir.resolve("evaluation.md"), report, StandardCharsets.UTF_8);
            log.info("model {} written to {}", metadata.version(), dir.toAbsolutePath());
        }
    }

    public static Result run(Path corpusDir, MlpTrainer.Settings settings, int limit) throws IOException {
        return run(corpusDir, null, settings, limit);
    }

    public static Result run(Path corpusDir, Path corrections, MlpTrainer.Settings settings, int limit)
            throws IOException {
        FeatureHasher hasher = new FeatureHasher(settings.dimensions());
        Corpus corpus = Corpus.load(corpusDir, corrections, hasher, limit, settings.describe());
        log.info("corpus: {} training, {} calibration, {} test rows ({} held-out rows removed as seen in training)",
                corpus.train().size(), corpus.calibration().size(), corpus.test().size(), corpus.heldOutRemoved());
        MultiLayerNetwork net = new MlpTrainer(settings).train(corpus.train(), corpus.labels().size());
        byte[] weights = modelFile(MlpTrainer.export(net), vocabulary(corpus.train()));
        String digest = CategoryModel.sha256(weights);
        CategoryModel raw = CategoryModel.of(metadata(settings, corpus, digest, 1.0, Map.of(), Map.of()), weights);
        double temperature = TemperatureScaling.fit(logits(raw, corpus.calibration()), truth(corpus.calibration()));
        Map<String, Double> temperatures = temperatures(raw, corpus.calibration(), temperature);
        CategoryModel calibrated = CategoryModel.of(
                metadata(settings, corpus, digest, temperature, temperatures, Map.of()), weights);
        Figures figures = evaluate(raw, calibrated, corpus);
        ModelMetadata metadata = metadata(settings, corpus, digest, temperature, temperatures, figures.json());
        return new Result(metadata, weights, figures.report(metadata));
    }

    /** Words seen at least twice in training: what the model can be said to know. */
    static Vocabulary vocabulary(List<LabelledExample> train) {
        Map<String, Integer> counts = new HashMap<>();
        train.forEach(e -> e.descriptor().tokens().forEach(t -> counts.merge(t, 1, Integer::sum)));
        return Vocabulary.of(counts.entrySet().stream().filter(c -> c.getValue() >= 2).map(Map.Entry::getKey).toList());
    }

    /**
     * A temperature per familiarity, fitted on the calibration rows of that familiarity; a level with fewer than
     * {@link #MIN_CALIBRATION_ROWS} rows keeps the overall temperature rather than one fitted on noise.
     */
    private static Map<String, Double> temperatures(CategoryModel raw, List<LabelledExample> calibration,
            double overall) {
        Map<String, Double> temperatures = new TreeMap<>();
        for (Familiarity f : Familiarity.values()) {
            List<LabelledExample> rows = calibration.stream().filter(e -> raw.familiarity(e.descriptor()) == f).toList();
            double t = rows.size() < MIN_CALIBRATION_ROWS ? overall : TemperatureScaling.fit(logits(raw, rows), truth(rows));
            log.info("calibration: {} rows of familiarity {}, temperature {}", rows.size(), f, t);
            temperatures.put(f.name(), t);
        }
        return temperatures;
    }

    private static ModelMetadata metadata(MlpTrainer.Settings s, Corpus corpus, String weightsDigest,
            double temperature, Map<String, Double> temperatures, Map<String, Object> evaluation) {
        List<String> codes = corpus.labels().stream().map(l -> LabelMapping.code(l, null)).toList();
        return new ModelMetadata("pfc1-mlp-" + weightsDigest.substring(0, 12), LabelMapping.TAXONOMY_VERSION,
                corpus.labels(), codes, s.dimensions(), s.hidden(), temperature, temperatures, corpus.digest(),
                weightsDigest, evaluation);
    }

    private static Figures evaluate(CategoryModel raw, CategoryModel calibrated, Corpus corpus) {
        List<LabelledExample> test = corpus.test();
        int[] truth = truth(test);
        Evaluation uncalibrated = evaluation(corpus.labels(), raw, test);
        Evaluation model = evaluation(corpus.labels(), calibrated, test);
        LinearBaseline linear = new LinearBaseline();
        linear.train(corpus.train(), corpus.labels().size(), 5, 42);
        Evaluation baseline = evaluationOf(corpus.labels(), truth, test.stream().map(linear::probabilities).toList());
        int[] ruled = test.stream().mapToInt(e -> KeywordRules.label(e, corpus.labels())).toArray();
        Evaluation rules = new Evaluation(corpus.labels(), truth, ruled, new double[truth.length]);
        List<LabelledExample> formats = corpus.bankFormats();
        Evaluation bankFormats = evaluation(corpus.labels(), calibrated, formats);
        Evaluation bankFormatsBaseline = evaluationOf(corpus.labels(), truth(formats),
                formats.stream().map(linear::probabilities).toList());
        List<Evaluation> european = new ArrayList<>();
        for (List<LabelledExample> set : List.of(corpus.european(), corpus.europeanSecond())) {
            european.add(evaluation(corpus.labels(), calibrated, set));
            european.add(evaluation(corpus.labels(), raw, set));
            european.add(evaluationOf(corpus.labels(), truth(set), set.stream().map(linear::probabilities).toList()));
        }
        List<LabelledExample> unseen = corpus.unseenMerchants();
        Evaluation unseenModel = evaluation(corpus.labels(), calibrated, unseen);
        Evaluation unseenBaseline = evaluationOf(corpus.labels(), truth(unseen),
                unseen.stream().map(linear::probabilities).toList());
        return new Figures(corpus, calibrated.metadata(), uncalibrated, model, baseline, rules, bankFormats,
                bankFormatsBaseline, unseenModel, unseenBaseline, european);
    }

    /** The model's decisions on {@code examples}, each with the temperature of its familiarity. */
    public static Evaluation evaluation(List<String> labels, CategoryModel model, List<LabelledExample> examples) {
        CategoryModel.Scratch scratch = model.newScratch();
        return evaluationOf(labels, truth(examples), examples.stream()
                .map(e -> model.probabilities(e.features(), model.familiarity(e.descriptor()), scratch)).toList());
    }

    private static Evaluation evaluationOf(List<String> labels, int[] truth, List<double[]> probabilities) {
        int[] predicted = new int[truth.length];
        double[] confidence = new double[truth.length];
        for (int i = 0; i < truth.length; i++) {
            predicted[i] = Evaluation.argmax(probabilities.get(i));
            confidence[i] = probabilities.get(i)[predicted[i]];
        }
        return new Evaluation(labels, truth, predicted, confidence);
    }

    public static List<double[]> logits(CategoryModel model, List<LabelledExample> examples) {
        List<double[]> out = new ArrayList<>(examples.size());
        for (LabelledExample e : examples) {
            out.add(model.logits(e.features()));
        }
        return out;
    }

    private static int[] truth(List<LabelledExample> examples) {
        return examples.stream().mapToInt(LabelledExample::label).toArray();
    }

    /** The model's {@code .bin}: the weights, then the vocabulary. */
    private static byte[] modelFile(MlpWeights weights, Vocabulary vocabulary) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        weights.write(out);
        vocabulary.write(out);
        return out.toByteArray();
    }

    /**
     * Everything one run measured. {@code european} holds, for each European set in turn (the first 50 lines, then
     * the 84 written before any European training data), the calibrated model, the model before calibration and the
     * TF-IDF baseline.
     */
    private record Figures(Corpus corpus, ModelMetadata calibrated, Evaluation uncalibrated, Evaluation model,
            Evaluation baseline, Evaluation rules, Evaluation bankFormats, Evaluation bankFormatsBaseline,
            Evaluation unseen, Evaluation unseenBaseline, List<Evaluation> european) {

        private static final ConfidenceLevels LEVELS = new ConfidenceLevels(CategorizerProperties.defaults());

        Map<String, Object> json() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("trainRows", corpus.train().size());
            m.put("heldOutRemovedAsSeenInTraining", corpus.heldOutRemoved());
            m.put("calibrationRows", corpus.calibration().size());
            m.put("europeanTrainRows", corpus.europeanTrainRows());
            m.put("europeanCalibrationRows", corpus.europeanCalibrationRows());
            m.put("testRows", corpus.test().size());
            m.put("accuracy", round(model.accuracy()));
            m.put("macroF1", round(model.macroF1()));
            m.put("eceUncalibrated", round(uncalibrated.expectedCalibrationError()));
            m.put("ece", round(model.expectedCalibrationError()));
            double[] auto = model.autoApplied(LEVELS);
            m.put("autoAppliedShare", round(auto[0]));
            m.put("autoAppliedAccuracy", round(auto[1]));
            m.put("baselineTfidfLinearAccuracy", round(baseline.accuracy()));
            m.put("baselineTfidfLinearMacroF1", round(baseline.macroF1()));
            m.put("rulesAloneCoverage", round(rules.coverage()));
            m.put("rulesAloneAccuracy", round(rules.accuracy()));
            m.put("rulesAloneMacroF1", round(rules.macroF1()));
            m.put("unseenMerchantRows", unseen.size());
            m.put("unseenMerchantAccuracy", round(unseen.accuracy()));
            m.put("unseenMerchantMacroF1", round(unseen.macroF1()));
            m.put("unseenMerchantBaselineAccuracy", round(unseenBaseline.accuracy()));
            m.put("unseenMerchantBaselineMacroF1", round(unseenBaseline.macroF1()));
            european(m, "european", european.get(0), european.get(2));
            european(m, "europeanSecond", european.get(3), european.get(5));
            m.put("bankFormatsRows", bankFormats.size());
            m.put("bankFormatsAccuracy", round(bankFormats.accuracy()));
            m.put("bankFormatsBaselineAccuracy", round(bankFormatsBaseline.accuracy()));
            return m;
        }

        private static void european(Map<String, Object> m, String name, Evaluation e, Evaluation baseline) {
            double[] auto = e.autoApplied(LEVELS);
            m.put(name + "Rows", e.size());
            m.put(name + "Accuracy", round(e.accuracy()));
            m.put(name + "Ece", round(e.expectedCalibrationError()));
            m.put(name + "AutoAppliedShare", round(auto[0]));
            m.put(name + "AutoAppliedAccuracy", round(auto[1]));
            m.put(name + "BaselineAccuracy", round(baseline.accuracy()));
        }

        String report(ModelMetadata metadata) {
            StringBuilder sb = new StringBuilder();
            sb.append("## Evaluation of model ").append(metadata.version()).append("\n\n");
            sb.append(String.format(Locale.ROOT, "Training rows %d (%d of them synthetic European rows from the "
                    + "knowledge list); held-out rows removed because their normalized text occurs in training: "
                    + "%d; calibration rows %d (%d of them European rows of merchants and words training never saw); "
                    + "test rows %d. Temperature %.4f overall; by familiarity of the text: %s.%n%n",
                    corpus.train().size(), corpus.europeanTrainRows(), corpus.heldOutRemoved(), corpus.calibration().size(),
                    corpus.europeanCalibrationRows(), corpus.test().size(), metadata.temperature(),
                    metadata.temperatures()));
            sb.append("| Classifier (same test rows) | Accuracy | Macro-F1 | Coverage | ECE |\n|---|---|---|---|---|\n");
            row(sb, "DL4J MLP, calibrated (shipped)", model, model.expectedCalibrationError());
            row(sb, "DL4J MLP, before calibration", uncalibrated, uncalibrated.expectedCalibrationError());
            row(sb, "TF-IDF + logistic regression", baseline, baseline.expectedCalibrationError());
            row(sb, "Keyword rules alone", rules, Double.NaN);
            sb.append(String.format(Locale.ROOT, "%nTest rows whose merchant never occurs in training (%d rows): model "
                    + "accuracy %s, macro-F1 %s; TF-IDF baseline accuracy %s, macro-F1 %s.%n", unseen.size(),
                    Evaluation.pct(unseen.accuracy()), Evaluation.pct(unseen.macroF1()),
                    Evaluation.pct(unseenBaseline.accuracy()), Evaluation.pct(unseenBaseline.macroF1())));
            sb.append(String.format(Locale.ROOT, "%nHand-written statement lines (%d rows, other formats, never trained "
                    + "on): model %s, TF-IDF baseline %s.%n", bankFormats.size(), Evaluation.pct(bankFormats.accuracy()),
                    Evaluation.pct(bankFormatsBaseline.accuracy())));
            sb.append("\n### German, Dutch and French statement lines (held out, never trained on)\n\n");
            sb.append("| Set | Classifier | Accuracy | ECE | Auto-applied | Correct when auto-applied | "
                    + "Wrong at >= review threshold |\n|---|---|---|---|---|---|---|\n");
            List<String> names = List.of("first 50 lines", "84 lines written before any European training data");
            List<String> classifiers = List.of("model, calibrated (shipped)", "model, before calibration",
                    "TF-IDF + logistic regression");
            for (int i = 0; i < european.size(); i++) {
                Evaluation e = european.get(i);
                double[] auto = e.autoApplied(LEVELS);
                sb.append("| ").append(names.get(i / 3)).append(" | ").append(classifiers.get(i % 3)).append(" | ")
                        .append(Evaluation.pct(e.accuracy())).append(" | ")
                        .append(String.format(Locale.ROOT, "%.4f", e.expectedCalibrationError())).append(" | ")
                        .append(Evaluation.pct(auto[0])).append(" | ").append(Evaluation.pct(auto[1])).append(" | ")
                        .append(Math.round(auto[0] * e.size() * (1 - auto[1]))).append(" |\n");
            }
            List<List<LabelledExample>> sets = List.of(corpus.european(), corpus.europeanSecond());
            for (int s = 0; s < sets.size(); s++) {
                Evaluation e = european.get(s * 3);
                sb.append("\nEuropean lines the model got wrong (").append(names.get(s))
                        .append("):\n\n| Line | Truth | Predicted | Confidence |\n|---|---|---|---|\n");
                for (int i : e.wrong()) {
                    sb.append(e.row(i, sets.get(s).get(i).text())).append('\n');
                }
            }
            double[] auto = model.autoApplied(LEVELS);
            sb.append(String.format(Locale.ROOT, "%nAuto-applied (confidence >= review threshold %s): %s of "
                    + "transactions, %s correct; the rest is marked needs-review.%n%n",
                    CategorizerProperties.defaults().reviewBelow(), Evaluation.pct(auto[0]), Evaluation.pct(auto[1])));
            sb.append("| Level | Threshold | Share of transactions | Accuracy |\n|---|---|---|---|\n");
            Map<ConfidenceLevel, double[]> byLevel = model.byLevel(LEVELS);
            CategorizerProperties p = CategorizerProperties.defaults();
            Map<ConfidenceLevel, String> thresholds = Map.of(ConfidenceLevel.VERY_HIGH, ">= " + p.veryHigh(),
                    ConfidenceLevel.HIGH, ">= " + p.high(), ConfidenceLevel.MEDIUM, ">= " + p.medium(),
                    ConfidenceLevel.LOW, "< " + p.medium());
            byLevel.forEach((level, v) -> sb.append("| ").append(level).append(" | ").append(thresholds.get(level))
                    .append(" | ").append(Evaluation.pct(v[0])).append(" | ").append(Evaluation.pct(v[1])).append(" |\n"));
            sb.append("\n### Reliability (calibrated, test rows)\n\n").append(model.reliabilityTable());
            Evaluation bothEuropean = european.get(0).plus(european.get(3));
            sb.append("\n### Reliability (calibrated, both European sets)\n\n").append(bothEuropean.reliabilityTable());
            sb.append("\n### Per label (calibrated model)\n\n").append(model.perLabelTable());
            sb.append("\n### Most frequent confusions (truth -> predicted)\n\n");
            model.confusions(10).forEach(c -> sb.append("- ").append(c).append('\n'));
            return sb.toString();
        }

        private static void row(StringBuilder sb, String name, Evaluation e, double ece) {
            sb.append("| ").append(name).append(" | ").append(Evaluation.pct(e.accuracy())).append(" | ")
                    .append(Evaluation.pct(e.macroF1())).append(" | ").append(Evaluation.pct(e.coverage())).append(" | ")
                    .append(Double.isNaN(ece) ? "n/a" : String.format(Locale.ROOT, "%.4f", ece)).append(" |\n");
        }

        private static double round(double x) {
            return Math.round(x * 10_000) / 10_000.0;
        }
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("expected --option value, got " + args[i]);
            }
            options.put(args[i].substring(2), args[i + 1]);
        }
        return options;
    }

    private static int intOption(Map<String, String> options, String name, int fallback) {
        return options.containsKey(name) ? Integer.parseInt(options.get(name)) : fallback;
    }
}
