package com.meridian.categorizer.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import com.meridian.categorizer.model.CategoryModel;
import com.meridian.categorizer.training.internal.Evaluation;
import com.meridian.categorizer.training.internal.TemperatureScaling;

class TemperatureScalingTest {

    /**
     * Labels drawn from softmax(z / 2) make logits z over-confident by a factor 2: the fit must find T close to 2,
     * and the calibrated probabilities must have a smaller expected calibration error than the raw ones.
     */
    @Test
    void findsTheTemperatureThatGeneratedTheLabelsAndLowersTheCalibrationError() {
        Random random = new Random(7);
        int n = 20_000;
        List<double[]> logits = new ArrayList<>(n);
        int[] truth = new int[n];
        for (int i = 0; i < n; i++) {
            double[] z = new double[4];
            for (int c = 0; c < z.length; c++) {
                z[c] = random.nextGaussian() * 3;
            }
            logits.add(z);
            truth[i] = sample(CategoryModel.softmax(z, 2.0, new double[4]), random.nextDouble());
        }

        double t = TemperatureScaling.fit(logits, truth);

        assertThat(t).isCloseTo(2.0, within(0.1));
        assertThat(ece(logits, truth, t)).isLessThan(ece(logits, truth, 1.0) / 2);
    }

    private static double ece(List<double[]> logits, int[] truth, double t) {
        int[] predicted = new int[truth.length];
        double[] confidence = new double[truth.length];
        for (int i = 0; i < truth.length; i++) {
            double[] p = CategoryModel.softmax(logits.get(i), t, new double[4]);
            predicted[i] = Evaluation.argmax(p);
            confidence[i] = p[predicted[i]];
        }
        return new Evaluation(List.of("a", "b", "c", "d"), truth, predicted, confidence).expectedCalibrationError();
    }

    private static int sample(double[] p, double u) {
        double cumulative = 0;
        for (int c = 0; c < p.length; c++) {
            cumulative += p[c];
            if (u < cumulative) {
                return c;
            }
        }
        return p.length - 1;
    }
}
