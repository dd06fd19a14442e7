package com.meridian.categorizer;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

import com.meridian.schemas.events.CategorizedTransaction.ConfidenceLevel;
import com.meridian.schemas.events.CategorizedTransaction.DecidedBy;

/**
 * The category chosen for one transaction and why.
 *
 * @param confidence   calibrated probability in [0, 1], exact decimal (never a double on the way out)
 * @param needsReview  true when the confidence is below the configured review threshold
 * @param ruleId       the rule that fired, when {@code decidedBy} is {@code RULE}
 * @param modelVersion the model that decided, when {@code decidedBy} is {@code MODEL}
 * @param alternatives the model's next best categories, for explanations (empty for rule decisions)
 */
public record CategoryDecision(String categoryCode, BigDecimal confidence, ConfidenceLevel level, boolean needsReview,
        DecidedBy decidedBy, UUID ruleId, String modelVersion, List<Alternative> alternatives) {

    /** A category the model also considered, with its probability. */
    public record Alternative(String categoryCode, BigDecimal probability) {
    }
}
