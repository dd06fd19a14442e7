package com.meridian.categorizer;

import java.math.BigDecimal;
import java.math.RoundingMode;

import com.meridian.schemas.events.CategorizedTransaction.ConfidenceLevel;

/**
 * Turns a calibrated probability into the exact decimal, level and review flag a decision carries, with the
 * thresholds of {@link CategorizerProperties}. Probabilities are rounded once, to 4 places, HALF_UP, and the
 * thresholds compare the rounded decimal, so every consumer sees the same band for the same number.
 */
public final class ConfidenceLevels {

    private final CategorizerProperties properties;

    public ConfidenceLevels(CategorizerProperties properties) {
        this.properties = properties;
    }

    public static BigDecimal decimal(double probability) {
        double clamped = Math.min(1.0, Math.max(0.0, probability));
        // BigDecimal.valueOf(double) prints the double, a few hundred nanoseconds, several times per decision: away
        // from a tie in the fifth place the scaled double rounds to the same four places, so only ties take that path
        double scaled = clamped * 10_000;
        double fraction = scaled - Math.floor(scaled);
        if (Math.abs(fraction - 0.5) > 1e-6) {
            return BigDecimal.valueOf(Math.round(scaled), 4);
        }
        return BigDecimal.valueOf(clamped).setScale(4, RoundingMode.HALF_UP);
    }

    public ConfidenceLevel level(BigDecimal confidence) {
        if (confidence.compareTo(properties.veryHigh()) >= 0) {
            return ConfidenceLevel.VERY_HIGH;
        }
        if (confidence.compareTo(properties.high()) >= 0) {
            return ConfidenceLevel.HIGH;
        }
        return confidence.compareTo(properties.medium()) >= 0 ? ConfidenceLevel.MEDIUM : ConfidenceLevel.LOW;
    }

    public boolean needsReview(BigDecimal confidence) {
        return confidence.compareTo(properties.reviewBelow()) < 0;
    }
}
