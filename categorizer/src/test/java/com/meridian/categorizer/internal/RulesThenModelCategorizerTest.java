package com.meridian.categorizer.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import com.meridian.categorizer.CategorizationInput;
import com.meridian.categorizer.CategorizerProperties;
import com.meridian.categorizer.CategoryDecision;
import com.meridian.categorizer.ConfidenceLevels;
import com.meridian.categorizer.model.ModelRegistry;
import com.meridian.categorizer.rules.CategoryRule;
import com.meridian.categorizer.rules.RuleBook;
import com.meridian.categorizer.taxonomy.BankTransactionCodes;
import com.meridian.schemas.events.CategorizedTransaction.ConfidenceLevel;
import com.meridian.schemas.events.CategorizedTransaction.DecidedBy;
import com.meridian.tenancy.TenantId;

class RulesThenModelCategorizerTest {

    private static final TenantId A = TenantId.random();
    private static final TenantId B = TenantId.random();
    private static final CategoryRule A_RULE = CategoryRule.of(UUID.randomUUID(), 100, "user", "description",
            "contains", "kroger", null, null, null, null, null, null, "OFFICE_SUPPLIES_GROCERY");

    private final RuleBook rules = new RuleBook(Map.of(A, List.of(A_RULE), B, List.<CategoryRule>of())::get,
            Duration.ofMinutes(5), 100);
    private final RulesThenModelCategorizer categorizer = new RulesThenModelCategorizer(rules,
            new ModelRegistry("classpath:categorizer/model.json"), new ConfidenceLevels(CategorizerProperties.defaults()),
            3, new SimpleMeterRegistry());

    @Test
    void aTenantsRuleNeverTouchesAnotherTenantsTransactions() {
        CategorizationInput kroger = tx("KROGER #0412 CINCINNATI OH", "-54.20", null);

        CategoryDecision forA = categorizer.categorize(A, List.of(kroger)).get(0);
        CategoryDecision forB = categorizer.categorize(B, List.of(kroger)).get(0);

        assertThat(forA.decidedBy()).isEqualTo(DecidedBy.RULE);
        assertThat(forA.categoryCode()).isEqualTo("OFFICE_SUPPLIES_GROCERY");
        assertThat(forA.confidence()).isEqualByComparingTo("1");
        assertThat(forB.decidedBy()).isEqualTo(DecidedBy.MODEL);
        assertThat(forB.categoryCode()).isEqualTo("FOOD_AND_DRINK_GROCERIES");
    }

    @Test
    void aModelDecisionExplainsItselfWithItsRunnersUpAndIsOneDecisionPerInputInOrder() {
        List<CategoryDecision> decisions = categorizer.categorize(B, List.of(tx("SHELL OIL 57444", "-40.00", null),
                tx("ACME CORP PAYROLL", "2500.00", null), tx("WITHDRAWAL FROM ALLY BANK EXT TRNSFR", "500.00", null)));

        assertThat(decisions).extracting(CategoryDecision::categoryCode)
                .containsExactly("TRANSPORTATION", "INCOME_WAGES", "TRANSFER_IN");
        CategoryDecision first = decisions.get(0);
        assertThat(first.alternatives()).hasSize(3);
        assertThat(first.alternatives().get(0).probability()).isLessThanOrEqualTo(first.confidence());
        assertThat(first.modelVersion()).startsWith("pfc1-mlp-");
    }

    @Test
    void europeanSupermarketAndSalaryLinesAreNotMistakenForShopping() {
        List<CategoryDecision> decisions = categorizer.categorize(B, List.of(
                tx("KARTENZAHLUNG girocard 12.11.2026 REWE Markt GmbH Berlin", "-54.32", null),
                tx("Salary November", "3420.00", null),
                tx("SEPA-Lastschrift EREF+4711 MREF+M-0815 CRED+DE98ZZZ09999999999 SVWZ+Miete November", "-950.00", null)));

        assertThat(decisions).extracting(CategoryDecision::categoryCode)
                .containsExactly("FOOD_AND_DRINK_GROCERIES", "INCOME_WAGES", "RENT_AND_UTILITIES_RENT");
    }

    @Test
    void textTheModelHasNoWordOfIsNotAutoApplied() {
        CategoryDecision unknown = categorizer.categorize(B, List.of(tx("Qwxrtz Plonkfeld GmbH", "-20.00", null))).get(0);

        assertThat(unknown.needsReview()).isTrue();
        assertThat(unknown.confidence()).isLessThan(new BigDecimal("0.90"));
    }

    @Test
    void unsureDecisionsAreMarkedForReviewInsteadOfBeingAutoApplied() {
        CategoryDecision unclear = categorizer.categorize(B, List.of(tx("", "-10.00", null))).get(0);

        assertThat(unclear.needsReview()).isTrue();
        assertThat(unclear.level()).isIn(ConfidenceLevel.LOW, ConfidenceLevel.MEDIUM);
    }

    @Test
    void theMccNarrowsTheModelsCategory() {
        CategoryDecision decision = categorizer.categorize(B, List.of(tx("BEST BUY 00123", "-299.99", "5732"))).get(0);

        assertThat(decision.categoryCode()).isEqualTo("GENERAL_MERCHANDISE_ELECTRONICS");
    }

    @Test
    void theBanksTransactionCodeDecidesAfterTheTenantsRulesAndBeforeTheModel() {
        CategorizationInput krogerAtm = new CategorizationInput(null, "KROGER #0412 CASH", null, null,
                new BigDecimal("-60.00"), "USD", null, "PMNT/CCRD/CWDL");

        CategoryDecision forA = categorizer.categorize(A, List.of(krogerAtm)).get(0);
        CategoryDecision forB = categorizer.categorize(B, List.of(krogerAtm)).get(0);

        assertThat(forA.ruleId()).isEqualTo(A_RULE.ruleId());
        assertThat(forB.decidedBy()).isEqualTo(DecidedBy.RULE);
        assertThat(forB.categoryCode()).isEqualTo("TRANSFER_OUT_WITHDRAWAL");
        assertThat(forB.ruleId()).isEqualTo(BankTransactionCodes.ruleId("bank-code:cash-withdrawal:TRANSFER_OUT_WITHDRAWAL"));
    }

    private static CategorizationInput tx(String description, String amount, String mcc) {
        return new CategorizationInput(null, description, null, null, new BigDecimal(amount), "USD", mcc, null);
    }
}
