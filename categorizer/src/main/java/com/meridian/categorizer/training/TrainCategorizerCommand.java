package com.meridian.categorizer.training;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import com.meridian.categorizer.CategorizerProperties;
import com.meridian.categorizer.ConfidenceLevels;
import com.meridian.categorizer.model.CategoryModel;
import com.meridian.categorizer.model.ModelMetadata;
import com.meridian.categorizer.model.internal.FeatureHasher;
import com.meridian.categorizer.model.internal.MlpWeights;
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
        byte[] weights = bytes(MlpTrainer.export(net));
        String digest = CategoryModel.sha256(weights);
        CategoryModel raw = CategoryModel.of(metadata(settings, corpus, digest, 1.0, Map.of()), weights);
        double temperature = TemperatureScaling.fit(logits(raw, corpus.calibration()), truth(corpus.calibration()));
        Figures figures = evaluate(raw, temperature, corpus);
        ModelMetadata metadata = metadata(settings, corpus, digest, temperature, figures.json());
        return new Result(metadata, weights, figures.report(metadata));
    }

    private static ModelMetadata metadata(MlpTrainer.Settings s, Corpus corpus, String weightsDigest,
            double temperature, Map<String, Object> evaluation) {
        List<String> codes = corpus.labels().stream().map(l -> LabelMapping.code(l, null)).toList();
        return new ModelMetadata("pfc1-mlp-" + weightsDigest.substring(0, 12), LabelMapping.TAXONOMY_VERSION,
                corpus.labels(), codes, s.dimensions(), s.hidden(), temperature, corpus.digest(), weightsDigest,
                evaluation);
    }

    private static Figures evaluate(CategoryModel raw, double temperature, Corpus corpus) {
        List<LabelledExample> test = corpus.test();
        int[] truth = truth(test);
        List<double[]> logits = logits(raw, test);
        Evaluation uncalibrated = evaluation(corpus.labels(), truth, logits, 1.0);
        Evaluation model = evaluation(corpus.labels(), truth, logits, temperature);
        LinearBaseline linear = new LinearBaseline();
        linear.train(corpus.train(), corpus.labels().size(), 5, 42);
        Evaluation baseline = evaluationOf(corpus.labels(), truth, test.stream().map(linear::probabilities).toList());
        int[] ruled = test.stream().mapToInt(e -> KeywordRules.label(e, corpus.labels())).toArray();
        Evaluation rules = new Evaluation(corpus.labels(), truth, ruled, new double[truth.length]);
        List<LabelledExample> formats = corpus.bankFormats();
        Evaluation bankFormats = evaluation(corpus.labels(), truth(formats), logits(raw, formats), temperature);
        Evaluation bankFormatsBaseline = evaluationOf(corpus.labels(), truth(formats),
                formats.stream().map(linear::probabilities).toList());
        List<LabelledExample> european = corpus.european();
        Evaluation europeanModel = evaluation(corpus.labels(), truth(european), logits(raw, european), temperature);
        Evaluation europeanBaseline = evaluationOf(corpus.labels(), truth(european),
                european.stream().map(linear::probabilities).toList());
        List<LabelledExample> unseen = corpus.unseenMerchants();
        Evaluation unseenModel = evaluation(corpus.labels(), truth(unseen), logits(raw, unseen), temperature);
        Evaluation unseenBaseline = evaluationOf(corpus.labels(), truth(unseen),
                unseen.stream().map(linear::probabilities).toList());
        return new Figures(corpus, temperature, uncalibrated, model, baseline, rules, bankFormats, bankFormatsBaseline,
                unseenModel, unseenBaseline, europeanModel, europeanBaseline);
    }

    private static Evaluation evaluation(List<String> labels, int[] truth, List<double[]> logits, double t) {
        return evaluationOf(labels, truth, logits.stream()
                .map(l -> CategoryModel.softmax(l, t, new double[l.length])).toList());
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

    private static byte[] bytes(MlpWeights weights) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        weights.write(out);
        return out.toByteArray();
    }

    private record Figures(Corpus corpus, double temperature, Evaluation uncalibrated, Evaluation model,
            Evaluation baseline, Evaluation rules, Evaluation bankFormats, Evaluation bankFormatsBaseline,
            Evaluation unseen, Evaluation unseenBaseline, Evaluation european, Evaluation europeanBaseline) {

        Map<String, Object> json() {
            ConfidenceLevels levels = new ConfidenceLevels(CategorizerProperties.defaults());
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("trainRows", corpus.train().size());
            m.put("heldOutRemovedAsSeenInTraining", corpus.heldOutRemoved());
            m.put("calibrationRows", corpus.calibration().size());
            m.put("testRows", corpus.test().size());
            m.put("accuracy", round(model.accuracy()));
            m.put("macroF1", round(model.macroF1()));
            m.put("eceUncalibrated", round(uncalibrated.expectedCalibrationError()));
            m.put("ece", round(model.expectedCalibrationError()));
            double[] auto = model.autoApplied(levels);
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
            m.put("europeanRows", european.size());
            m.put("europeanAccuracy", round(european.accuracy()));
            m.put("europeanBaselineAccuracy", round(europeanBaseline.accuracy()));
            double[] europeanAuto = european.autoApplied(new ConfidenceLevels(CategorizerProperties.defaults()));
            m.put("europeanAutoAppliedShare", round(europeanAuto[0]));
            m.put("europeanAutoAppliedAccuracy", round(europeanAuto[1]));
            m.put("bankFormatsRows", bankFormats.size());
            m.put("bankFormatsAccuracy", round(bankFormats.accuracy()));
            m.put("bankFormatsBaselineAccuracy", round(bankFormatsBaseline.accuracy()));
            return m;
        }

        String report(ModelMetadata metadata) {
            ConfidenceLevels levels = new ConfidenceLevels(CategorizerProperties.defaults());
            StringBuilder sb = new StringBuilder();
            sb.append("## Evaluation of model ").append(metadata.version()).append("\n\n");
            sb.append(String.format(Locale.ROOT, "Training rows %d; held-out rows removed because their normalized "
                    + "text occurs in training: %d; calibration rows %d; test rows %d. Temperature %.4f.%n%n",
                    corpus.train().size(), corpus.heldOutRemoved(), corpus.calibration().size(), corpus.test().size(),
                    temperature));
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
            double[] europeanAuto = european.autoApplied(levels);
            sb.append(String.format(Locale.ROOT, "%nGerman, Dutch and French statement lines written for the product "
                    + "(%d rows, never trained on): model %s (auto-applied %s of them, %s correct), TF-IDF baseline %s."
                    + "%n", european.size(), Evaluation.pct(european.accuracy()), Evaluation.pct(europeanAuto[0]),
                    Evaluation.pct(europeanAuto[1]), Evaluation.pct(europeanBaseline.accuracy())));
            sb.append("\nEuropean lines the model got wrong:\n\n| Line | Truth | Predicted | Confidence |\n|---|---|---|---|\n");
            european.wrong().forEach(i -> sb.append(european.row(i, corpus.european().get(i).text())).append('\n'));
            double[] auto = model.autoApplied(levels);
            sb.append(String.format(Locale.ROOT, "%nAuto-applied (confidence >= review threshold %s): %s of "
                    + "transactions, %s correct; the rest is marked needs-review.%n%n",
                    CategorizerProperties.defaults().reviewBelow(), Evaluation.pct(auto[0]), Evaluation.pct(auto[1])));
            sb.append("| Level | Threshold | Share of transactions | Accuracy |\n|---|---|---|---|\n");
            Map<ConfidenceLevel, double[]> byLevel = model.byLevel(levels);
            CategorizerProperties p = CategorizerProperties.defaults();
            Map<ConfidenceLevel, String> thresholds = Map.of(ConfidenceLevel.VERY_HIGH, ">= " + p.veryHigh(),
                    ConfidenceLevel.HIGH, ">= " + p.high(), ConfidenceLevel.MEDIUM, ">= " + p.medium(),
                    ConfidenceLevel.LOW, "< " + p.medium());
            byLevel.forEach((level, v) -> sb.append("| ").append(level).append(" | ").append(thresholds.get(level))
                    .append(" | ").append(Evaluation.pct(v[0])).append(" | ").append(Evaluation.pct(v[1])).append(" |\n"));
            sb.append("\n### Reliability (calibrated, test rows)\n\n").append(model.reliabilityTable());
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
