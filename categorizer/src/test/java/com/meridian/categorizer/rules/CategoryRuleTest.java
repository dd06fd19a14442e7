package com.meridian.categorizer.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.meridian.categorizer.CategorizationInput;

class CategoryRuleTest {

    private static final UUID ACCOUNT = UUID.fromString("00000000-0000-4000-8000-000000000001");

    @Test
    void textConditionsCompareCaseInsensitivelyOnTheirField() {
        CategorizationInput tx = tx("AMZN Mktp US*2K4LM9", "Amazon", null, "-20.00", null);

        assertThat(text("merchant", "exact", " AMAZON ").matches(tx)).isTrue();
        assertThat(text("merchant", "exact", "amazon marketplace").matches(tx)).isFalse();
        assertThat(text("description", "contains", "mktp us").matches(tx)).isTrue();
        assertThat(text("description", "regex", "^amzn\\s+mktp").matches(tx)).isTrue();
        assertThat(text("counterparty", "contains", "amazon").matches(tx)).isFalse();
    }

    @Test
    void amountBoundsAreInclusiveOnTheAbsoluteAmountInTheRulesCurrency() {
        CategoryRule rule = CategoryRule.of(UUID.randomUUID(), 100, "user", null, null, null, new BigDecimal("10.00"),
                new BigDecimal("50"), "EUR", null, null, null, "FOOD_AND_DRINK_GROCERIES");

        assertThat(rule.matches(tx("x", null, null, "-10", "EUR"))).isTrue();
        assertThat(rule.matches(tx("x", null, null, "-50.00", "EUR"))).isTrue();
        assertThat(rule.matches(tx("x", null, null, "-50.01", "EUR"))).isFalse();
        assertThat(rule.matches(tx("x", null, null, "-20", "USD"))).isFalse();
        assertThat(rule.matches(tx("x", null, null, null, "EUR"))).isFalse();
    }

    @Test
    void directionMccAndAccountMustAllHold() {
        CategoryRule rule = CategoryRule.of(UUID.randomUUID(), 100, "system", null, null, null, null, null, null, "in",
                "6011", ACCOUNT, "TRANSFER_IN_DEPOSIT");

        assertThat(rule.matches(new CategorizationInput(ACCOUNT, "x", null, null, BigDecimal.TEN, "EUR", "6011", null)))
                .isTrue();
        assertThat(rule.matches(new CategorizationInput(ACCOUNT, "x", null, null, BigDecimal.ONE.negate(), "EUR", "6011",
                null))).isFalse();
        assertThat(rule.matches(new CategorizationInput(ACCOUNT, "x", null, null, BigDecimal.TEN, "EUR", "5411", null)))
                .isFalse();
        assertThat(rule.matches(new CategorizationInput(UUID.randomUUID(), "x", null, null, BigDecimal.TEN, "EUR", "6011",
                null))).isFalse();
    }

    @Test
    void theFirstMatchingRuleInFiringOrderDecides() {
        CategoryRule specific = text("description", "contains", "uber eats");
        CategoryRule broad = text("description", "contains", "uber");

        assertThat(RuleBook.firstMatch(List.of(specific, broad), tx("UBER EATS ORDER", null, null, "-12", "USD")))
                .contains(specific);
        assertThat(RuleBook.firstMatch(List.of(specific, broad), tx("UBER TRIP", null, null, "-12", "USD")))
                .contains(broad);
        assertThat(RuleBook.firstMatch(List.of(specific), tx("LYFT RIDE", null, null, "-12", "USD"))).isEmpty();
    }

    private static CategoryRule text(String field, String type, String pattern) {
        return CategoryRule.of(UUID.randomUUID(), 100, "user", field, type, pattern, null, null, null, null, null, null,
                "GENERAL_MERCHANDISE_ONLINE_MARKETPLACES");
    }

    private static CategorizationInput tx(String description, String merchant, String counterparty, String amount,
            String currency) {
        return new CategorizationInput(ACCOUNT, description, merchant, counterparty,
                amount == null ? null : new BigDecimal(amount), currency, null, null);
    }
}
