package com.meridian.categorizer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
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
