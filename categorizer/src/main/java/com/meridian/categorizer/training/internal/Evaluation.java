package com.meridian.categorizer.training.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.meridian.categorizer.ConfidenceLevels;
import com.meridian.schemas.events.CategorizedTransaction.ConfidenceLevel;

/**
 * Figures of one classifier on one labelled set: accuracy, macro-F1, per-label precision and recall, the most
 * frequent confusions and, when the classifier gives probabilities, calibration (expected calibration error and
 * a reliability table) and coverage and accuracy per confidence level. A prediction of {@code -1} means "no
 * answer" (rules that did not fire): it counts as wrong for accuracy and as coverage lost.
 */
public final class Evaluation {

    private static final int BINS = 10;

    private final List<String> labels;
    private final int[] truth;
    private final int[] predicted;
    private final double[] confidence;

    public Evaluation(List<String> labels, int[] truth, int[] predicted, double[] confidence) {
        this.labels = labels;
        this.truth = truth;
        this.predicted = predicted;
        this.confidence = confidence;
    }

    public int size() {
        return truth.length;
    }

    /** The figures of both sets' rows together (same labels). */
    public Evaluation plus(Evaluation other) {
        return new Evaluation(labels, concat(truth, other.truth), concat(predicted, other.predicted),
                concat(confidence, other.confidence));
    }

    private static int[] concat(int[] a, int[] b) {
        int[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static double[] concat(double[] a, double[] b) {
        double[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    /** Indices of the rows predicted wrongly (or not at all). */
    public List<Integer> wrong() {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < truth.length; i++) {
            if (truth[i] != predicted[i]) {
                out.add(i);
            }
        }
        return out;
    }

    /** A markdown row for row {@code i}: the text, truth, prediction and confidence. */
    public String row(int i, String text) {
        return "| " + text + " | " + labels.get(truth[i]) + " | "
                + (predicted[i] < 0 ? "none" : labels.get(predicted[i])) + " | "
                + String.format(Locale.ROOT, "%.4f", confidence[i]) + " |";
    }

    public double accuracy() {
        return ratio(correct(0, truth.length), truth.length);
    }

    public double coverage() {
        int answered = 0;
        for (int p : predicted) {
            answered += p >= 0 ? 1 : 0;
        }
        return ratio(answered, truth.length);
    }

    /** Mean F1 over the labels that occur in the set (as truth or as prediction). */
    public double macroF1() {
        double sum = 0;
        int present = 0;
        for (int c = 0; c < labels.size(); c++) {
            if (occurs(c)) {
                sum += f1(c);
                present++;
            }
        }
        return present == 0 ? 0 : sum / present;
    }

    private boolean occurs(int c) {
        for (int i = 0; i < truth.length; i++) {
            if (truth[i] == c || predicted[i] == c) {
                return true;
            }
        }
        return false;
    }

    public double precision(int c) {
        int tp = 0;
        int predictedC = 0;
        for (int i = 0; i < truth.length; i++) {
            if (predicted[i] == c) {
                predictedC++;
                tp += truth[i] == c ? 1 : 0;
            }
        }
        return ratio(tp, predictedC);
    }

    public double recall(int c) {
        int tp = 0;
        int actual = 0;
        for (int i = 0; i < truth.length; i++) {
            if (truth[i] == c) {
                actual++;
                tp += predicted[i] == c ? 1 : 0;
            }
        }
        return ratio(tp, actual);
    }

    private double f1(int c) {
        double p = precision(c);
        double r = recall(c);
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    /** Expected calibration error over {@value #BINS} equal-width confidence bins. */
    public double expectedCalibrationError() {
        double ece = 0;
        for (double[] bin : reliability()) {
            ece += bin[2] / truth.length * Math.abs(bin[3] - bin[4]);
        }
        return ece;
    }

    /** Rows of {low, high, count, mean confidence, accuracy}. */
    public List<double[]> reliability() {
        List<double[]> rows = new ArrayList<>();
        for (int b = 0; b < BINS; b++) {
            double low = (double) b / BINS;
            double high = (double) (b + 1) / BINS;
            int n = 0;
            int ok = 0;
            double sum = 0;
            for (int i = 0; i < truth.length; i++) {
                double c = confidence[i];
                if (c >= low && (c < high || (b == BINS - 1 && c <= high))) {
                    n++;
                    sum += c;
                    ok += truth[i] == predicted[i] ? 1 : 0;
                }
            }
            rows.add(new double[] {low, high, n, n == 0 ? 0 : sum / n, ratio(ok, n)});
        }
        return rows;
    }

    /** Per level: {share of transactions, accuracy}, with the levels' configured thresholds. */
    public Map<ConfidenceLevel, double[]> byLevel(ConfidenceLevels levels) {
        Map<ConfidenceLevel, double[]> out = new LinkedHashMap<>();
        for (ConfidenceLevel level : List.of(ConfidenceLevel.VERY_HIGH, ConfidenceLevel.HIGH, ConfidenceLevel.MEDIUM,
                ConfidenceLevel.LOW)) {
            int n = 0;
            int ok = 0;
            for (int i = 0; i < truth.length; i++) {
                if (levels.level(ConfidenceLevels.decimal(confidence[i])) == level) {
                    n++;
                    ok += truth[i] == predicted[i] ? 1 : 0;
                }
            }
            out.put(level, new double[] {ratio(n, truth.length), ratio(ok, n)});
        }
        return out;
    }

    /** {share auto-applied, accuracy of the auto-applied share}: what passes the review threshold. */
    public double[] autoApplied(ConfidenceLevels levels) {
        int n = 0;
        int ok = 0;
        for (int i = 0; i < truth.length; i++) {
            BigDecimal c = ConfidenceLevels.decimal(confidence[i]);
            if (!levels.needsReview(c)) {
                n++;
                ok += truth[i] == predicted[i] ? 1 : 0;
            }
        }
        return new double[] {ratio(n, truth.length), ratio(ok, n)};
    }

    /** The {@code top} most frequent (truth -> predicted) mistakes. */
    public List<String> confusions(int top) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (int i = 0; i < truth.length; i++) {
            if (predicted[i] >= 0 && predicted[i] != truth[i]) {
                counts.merge(labels.get(truth[i]) + " -> " + labels.get(predicted[i]), 1, Integer::sum);
            }
        }
        return counts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(top).map(e -> e.getKey() + " (" + e.getValue() + ")").toList();
    }

    public String perLabelTable() {
        StringBuilder sb = new StringBuilder("| Label | Precision | Recall | F1 |\n|---|---|---|---|\n");
        for (int c = 0; c < labels.size(); c++) {
            if (!occurs(c)) {
                sb.append("| ").append(labels.get(c)).append(" | no test rows | | |\n");
                continue;
            }
            sb.append("| ").append(labels.get(c)).append(" | ").append(pct(precision(c))).append(" | ")
                    .append(pct(recall(c))).append(" | ").append(pct(f1(c))).append(" |\n");
        }
        return sb.toString();
    }

    public String reliabilityTable() {
        StringBuilder sb = new StringBuilder("| Confidence | Transactions | Mean confidence | Accuracy |\n|---|---|---|---|\n");
        for (double[] row : reliability()) {
            if (row[2] > 0) {
                sb.append(String.format(Locale.ROOT, "| %.1f-%.1f | %d | %s | %s |%n", row[0], row[1], (int) row[2],
                        pct(row[3]), pct(row[4])));
            }
        }
        return sb.toString();
    }

    private int correct(int from, int to) {
        int ok = 0;
        for (int i = from; i < to; i++) {
            ok += truth[i] == predicted[i] ? 1 : 0;
        }
        return ok;
    }

    static double ratio(int a, int b) {
        return b == 0 ? 0 : (double) a / b;
    }

    public static String pct(double x) {
        return String.format(Locale.ROOT, "%.2f%%", 100 * x);
    }

    /** Index of the highest value (ties: the lower index). */
    public static int argmax(double[] p) {
        int best = 0;
        for (int i = 1; i < p.length; i++) {
            if (p[i] > p[best]) {
                best = i;
            }
        }
        return best;
    }
}
