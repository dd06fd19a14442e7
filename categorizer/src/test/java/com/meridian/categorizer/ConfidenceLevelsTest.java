package com.meridian.categorizer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import com.meridian.schemas.events.CategorizedTransaction.ConfidenceLevel;

class ConfidenceLevelsTest {

    private final ConfidenceLevels levels = new ConfidenceLevels(CategorizerProperties.defaults());

    @Test
    void probabilitiesRoundHalfUpToFourPlacesBeforeComparingWithTheThresholds() {
        assertThat(ConfidenceLevels.decimal(0.96995)).isEqualByComparingTo("0.9700");
        assertThat(levels.level(ConfidenceLevels.decimal(0.96995))).isEqualTo(ConfidenceLevel.VERY_HIGH);
        assertThat(levels.level(new BigDecimal("0.9699"))).isEqualTo(ConfidenceLevel.HIGH);
        assertThat(levels.level(new BigDecimal("0.90"))).isEqualTo(ConfidenceLevel.HIGH);
        assertThat(levels.level(new BigDecimal("0.70"))).isEqualTo(ConfidenceLevel.MEDIUM);
        assertThat(levels.level(new BigDecimal("0.6999"))).isEqualTo(ConfidenceLevel.LOW);
    }

    @Test
    void theFastRoundingGivesTheDecimalOfThePrintedProbabilityForEveryInput() {
        java.util.SplittableRandom random = new java.util.SplittableRandom(42);
        java.util.List<Double> probabilities = new java.util.ArrayList<>(java.util.List.of(0.0, 1.0, -0.1, 1.5, 0.5,
                0.96995, 0.12345, 0.00005, 0.99995, 0.6124499999, 0.61245, Double.MIN_VALUE, Math.nextDown(1.0)));
        for (int i = 0; i < 300_000; i++) {
            probabilities.add(random.nextDouble());
            probabilities.add(random.nextInt(100_001) / 100_000.0); // ties in the fifth place are frequent here
        }
        for (double p : probabilities) {
            BigDecimal printed = BigDecimal.valueOf(Math.min(1.0, Math.max(0.0, p))).setScale(4, RoundingMode.HALF_UP);
            assertThat(ConfidenceLevels.decimal(p)).as("%s", p).isEqualTo(printed);
        }
    }

    @Test
    void decisionsBelowTheReviewThresholdNeedReview() {
        assertThat(levels.needsReview(new BigDecimal("0.8999"))).isTrue();
        assertThat(levels.needsReview(new BigDecimal("0.9000"))).isFalse();
    }

    @Test
    void thresholdsOutOfOrderAreRefused() {
        assertThatThrownBy(() -> new CategorizerProperties("classpath:x.json", Duration.ofMinutes(1), new BigDecimal("0.8"),
                new BigDecimal("0.9"), new BigDecimal("0.5"), new BigDecimal("0.9"), 3, Duration.ofMinutes(1), 10, 3,
                150)).isInstanceOf(IllegalArgumentException.class);
    }
}
