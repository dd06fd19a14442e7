package com.meridian.categorizer.training.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import com.meridian.categorizer.model.CategoryModel;

/**
 * The reference the model must beat: TF-IDF over the normalized words and word pairs (vocabulary and document
 * frequencies from the training split only) with a multinomial logistic regression trained by SGD. Measured in
 * the same run, on the same split, as the model.
 */
public final class LinearBaseline {

    private final Map<String, Integer> vocabulary = new HashMap<>();
    private double[] idf;
    private double[][] weights;
    private int classes;

    public void train(List<LabelledExample> examples, int classes, int epochs, long seed) {
        this.classes = classes;
        Map<String, Integer> df = new HashMap<>();
        for (LabelledExample e : examples) {
            for (String term : new java.util.HashSet<>(terms(e))) {
                df.merge(term, 1, Integer::sum);
            }
        }
        df.keySet().stream().sorted().forEach(t -> vocabulary.put(t, vocabulary.size()));
        idf = new double[vocabulary.size()];
        df.forEach((t, n) -> idf[vocabulary.get(t)] = Math.log((1.0 + examples.size()) / (1.0 + n)) + 1);
        weights = new double[vocabulary.size() + 1][classes];
        sgd(examples, epochs, seed);
    }

    private void sgd(List<LabelledExample> examples, int epochs, long seed) {
        List<LabelledExample> order = new ArrayList<>(examples);
        Random random = new Random(seed);
        double[] p = new double[classes];
        for (int epoch = 0; epoch < epochs; epoch++) {
            Collections.shuffle(order, random);
            double rate = 0.5 / (1 + epoch);
            for (LabelledExample e : order) {
                Map<Integer, Double> x = vector(e);
                CategoryModel.softmax(logits(x), 1.0, p);
                for (int c = 0; c < classes; c++) {
                    double gradient = p[c] - (c == e.label() ? 1 : 0);
                    for (Map.Entry<Integer, Double> f : x.entrySet()) {
                        weights[f.getKey()][c] -= rate * (gradient * f.getValue() + 1e-6 * weights[f.getKey()][c]);
                    }
                    weights[vocabulary.size()][c] -= rate * gradient;
                }
            }
        }
    }

    /** Class probabilities (uncalibrated) of one example. */
    public double[] probabilities(LabelledExample e) {
        return CategoryModel.softmax(logits(vector(e)), 1.0, new double[classes]);
    }

    private double[] logits(Map<Integer, Double> x) {
        double[] out = weights[vocabulary.size()].clone();
        for (Map.Entry<Integer, Double> f : x.entrySet()) {
            double[] row = weights[f.getKey()];
            for (int c = 0; c < classes; c++) {
                out[c] += f.getValue() * row[c];
            }
        }
        return out;
    }

    private Map<Integer, Double> vector(LabelledExample e) {
        Map<Integer, Double> x = new HashMap<>();
        for (String term : terms(e)) {
            Integer index = vocabulary.get(term);
            if (index != null) {
                x.merge(index, idf[index], Double::sum);
            }
        }
        double norm = Math.sqrt(x.values().stream().mapToDouble(v -> v * v).sum());
        x.replaceAll((k, v) -> v / Math.max(norm, 1e-12));
        return x;
    }

    private static List<String> terms(LabelledExample e) {
        List<String> tokens = e.descriptor().tokens();
        List<String> terms = new ArrayList<>(tokens.size() * 2 + 1);
        terms.add(e.sign().signum() < 0 ? "dir:out" : "dir:in");
        for (int i = 0; i < tokens.size(); i++) {
            terms.add(tokens.get(i));
            if (i > 0) {
                terms.add(tokens.get(i - 1) + " " + tokens.get(i));
            }
        }
        return terms;
    }
}
