package com.meridian.ingest.stream;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import com.meridian.categorizer.CategorizationInput;
import com.meridian.categorizer.CategoryDecision;
import com.meridian.categorizer.TransactionCategorizer;
import com.meridian.schemas.events.CategorizedTransaction.ConfidenceLevel;
import com.meridian.schemas.events.CategorizedTransaction.DecidedBy;
import com.meridian.tenancy.TenantId;

/**
 * A deterministic categorizer for topology tests: a description mentioning "coffee" is decided by a rule, anything
 * else by a "model" that says GENERAL_MERCHANDISE with confidence 0.61237 (more decimals than the table keeps).
 */
final class KeywordCategorizer implements TransactionCategorizer {

    static final UUID COFFEE_RULE = UUID.fromString("00000000-0000-0000-0000-00000000c0ff");

    @Override
    public List<CategoryDecision> categorize(TenantId tenant, List<CategorizationInput> inputs) {
        return inputs.stream().map(KeywordCategorizer::decide).toList();
    }

    private static CategoryDecision decide(CategorizationInput input) {
        String text = input.description() == null ? "" : input.description().toLowerCase(Locale.ROOT);
        if (text.contains("coffee")) {
            return new CategoryDecision("FOOD_AND_DRINK_COFFEE", BigDecimal.ONE, ConfidenceLevel.HIGH, false,
                    DecidedBy.RULE, COFFEE_RULE, null, List.of());
        }
        return new CategoryDecision("GENERAL_MERCHANDISE", new BigDecimal("0.61237"), ConfidenceLevel.MEDIUM, true,
                DecidedBy.MODEL, null, "test-model-1", List.of());
    }
}
