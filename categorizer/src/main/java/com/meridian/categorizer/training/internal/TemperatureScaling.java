package com.meridian.categorizer.training.internal;

import java.util.List;

import com.meridian.categorizer.model.CategoryModel;

/**
 * Fits the one calibration parameter of temperature scaling: the T that minimizes the negative log-likelihood of
 * {@code softmax(logits / T)} on the calibration split. It changes confidence, never the chosen category.
 */
public final class TemperatureScaling {

    private TemperatureScaling() {
    }

    public static double fit(List<double[]> logits, int[] truth) {
        // golden-section search on log T over [0.05, 20]; NLL is unimodal in T for these models
        double a = Math.log(0.05);
        double b = Math.log(20);
        double phi = (Math.sqrt(5) - 1) / 2;
        for (int i = 0; i < 80; i++) {
            double c = b - phi * (b - a);
            double d = a + phi * (b - a);
            if (nll(logits, truth, Math.exp(c)) < nll(logits, truth, Math.exp(d))) {
                b = d;
            } else {
                a = c;
            }
        }
        return Math.round(Math.exp((a + b) / 2) * 1e6) / 1e6;
    }

    public static double nll(List<double[]> logits, int[] truth, double temperature) {
        double sum = 0;
        double[] p = new double[logits.get(0).length];
        for (int i = 0; i < truth.length; i++) {
            CategoryModel.softmax(logits.get(i), temperature, p);
            sum -= Math.log(Math.max(p[truth[i]], 1e-12));
        }
        return sum / truth.length;
    }
}
