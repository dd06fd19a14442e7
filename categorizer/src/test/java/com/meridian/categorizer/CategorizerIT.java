package com.meridian.categorizer;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

import com.meridian.categorizer.corrections.CorrectionRecorder;
import com.meridian.categorizer.model.ModelRegistry;
import com.meridian.categorizer.rules.RuleBook;
import com.meridian.localstack.LocalStackTestConfiguration;
import com.meridian.schemas.events.CategorizedTransaction.DecidedBy;
import com.meridian.tenancy.TenantDatabase;
import com.meridian.tenancy.TenantId;

/**
 * The categorizer as the pipelines get it (auto-configured), against a real PostgreSQL with row-level security:
 * tenant rules first and never across tenants, cache invalidation, the model otherwise, and corrections that
 * become a rule after the configured number of consistent corrections.
 */
@SpringBootTest(classes = CategorizerTestApplication.class)
@Import(LocalStackTestConfiguration.class)
class CategorizerIT {

    @Autowired
    TransactionCategorizer categorizer;

    @Autowired
    RuleBook rules;

    @Autowired
    CorrectionRecorder corrections;

    @Autowired
    ModelRegistry models;

    @Autowired
    TenantDatabase database;

    TenantId tenantA;
    TenantId tenantB;

    @BeforeEach
    void twoTenants() {
        tenantA = newTenant();
        tenantB = newTenant();
    }

    @Test
    void aTenantsRuleDecidesForThatTenantOnlyAndTheModelDecidesForTheOther() {
        // given
        UUID rule = addRule(tenantA, "merchant", "contains", "blue bottle", "FOOD_AND_DRINK_COFFEE");
        CategorizationInput coffee = input("BLUE BOTTLE COFFEE #12", "SQ *BLUE BOTTLE COFFEE", "-4.50");

        // when
        CategoryDecision forA = categorizer.categorize(tenantA, List.of(coffee)).get(0);
        CategoryDecision forB = categorizer.categorize(tenantB, List.of(coffee)).get(0);

        // then
        assertThat(forA.decidedBy()).isEqualTo(DecidedBy.RULE);
        assertThat(forA.ruleId()).isEqualTo(rule);
        assertThat(forA.categoryCode()).isEqualTo("FOOD_AND_DRINK_COFFEE");
        assertThat(forB.decidedBy()).isEqualTo(DecidedBy.MODEL);
        assertThat(forB.ruleId()).isNull();
        assertThat(forB.modelVersion()).isEqualTo(models.current().version());
        assertThat(forB.categoryCode()).startsWith("FOOD_AND_DRINK");
        assertThat(forB.alternatives()).hasSize(3);
    }

    @Test
    void aNewRuleIsSeenAfterInvalidation() {
        CategorizationInput rent = input("BROOKFIELD RENT PMT", null, "-1400.00");
        assertThat(categorizer.categorize(tenantA, List.of(rent)).get(0).decidedBy()).isEqualTo(DecidedBy.MODEL);

        UUID rule = addRule(tenantA, "description", "regex", "brookfield\\s+rent", "RENT_AND_UTILITIES_RENT");
        rules.invalidate(tenantA);

        CategoryDecision decision = categorizer.categorize(tenantA, List.of(rent)).get(0);
        assertThat(decision.ruleId()).isEqualTo(rule);
    }

    @Test
    void consistentCorrectionsOfOneMerchantBecomeARuleOfThatTenantOnly() {
        // given: three of tenant A's transactions at one merchant, seen by the model
        List<UUID> txs = List.of(addTransaction(tenantA, "POS DEBIT 4417 GREEN LEAF STUDIO 11/03", "Green Leaf Studio"),
                addTransaction(tenantA, "POS DEBIT 9921 GREEN LEAF STUDIO 11/10", "Green Leaf Studio"),
                addTransaction(tenantA, "POS DEBIT 1180 GREEN LEAF STUDIO 11/17", "GREEN LEAF STUDIO"));
        UUID user = UUID.randomUUID();
        CategorizationInput next = input("POS DEBIT 5555 GREEN LEAF STUDIO 11/24", "Green Leaf Studio", "-30.00");

        // when: the user corrects them one by one
        var first = corrections.record(tenantA, txs.get(0), "PERSONAL_CARE_GYMS_AND_FITNESS_CENTERS", user);
        var second = corrections.record(tenantA, txs.get(1), "PERSONAL_CARE_GYMS_AND_FITNESS_CENTERS", user);
        var third = corrections.record(tenantA, txs.get(2), "PERSONAL_CARE_GYMS_AND_FITNESS_CENTERS", user);

        // then: the third makes a rule, which decides tenant A's next transaction and not tenant B's
        assertThat(first.promotedRuleId()).isEmpty();
        assertThat(second.promotedRuleId()).isEmpty();
        assertThat(third.promotedRuleId()).isPresent();
        assertThat(third.merchantKey()).isEqualTo("green leaf studio");
        CategoryDecision forA = categorizer.categorize(tenantA, List.of(next)).get(0);
        assertThat(forA.decidedBy()).isEqualTo(DecidedBy.RULE);
        assertThat(forA.ruleId()).isEqualTo(third.promotedRuleId().get());
        assertThat(forA.categoryCode()).isEqualTo("PERSONAL_CARE_GYMS_AND_FITNESS_CENTERS");
        assertThat(categorizer.categorize(tenantB, List.of(next)).get(0).decidedBy()).isEqualTo(DecidedBy.MODEL);
        Long rulesOfB = database.inTenant(tenantB, jdbc -> jdbc.sql("select count(*) from category_rules")
                .query(Long.class).single());
        assertThat(rulesOfB).isZero();
        Long promoted = database.inTenant(tenantA, jdbc -> jdbc.sql("""
                select count(*) from corrections where promoted_rule_id = ? and corrected_by = ?""")
                .params(third.promotedRuleId().get(), user).query(Long.class).single());
        assertThat(promoted).isEqualTo(3);
        String decidedBy = database.inTenant(tenantA, jdbc -> jdbc.sql(
                "select categorized_by from transactions where transaction_id = ?").param(txs.get(0))
                .query(String.class).single());
        assertThat(decidedBy).isEqualTo("user");
    }

    @Test
    void inconsistentCorrectionsMakeNoRule() {
        UUID a = addTransaction(tenantA, "CHECKCARD 0412 NORTHSIDE HALL", "Northside Hall");
        UUID b = addTransaction(tenantA, "CHECKCARD 0419 NORTHSIDE HALL", "Northside Hall");
        UUID c = addTransaction(tenantA, "CHECKCARD 0426 NORTHSIDE HALL", "Northside Hall");
        UUID user = UUID.randomUUID();

        corrections.record(tenantA, a, "ENTERTAINMENT", user);
        corrections.record(tenantA, b, "FOOD_AND_DRINK_RESTAURANT", user);
        var third = corrections.record(tenantA, c, "ENTERTAINMENT", user);

        assertThat(third.promotedRuleId()).isEmpty();
    }

    private TenantId newTenant() {
        TenantId tenant = TenantId.random();
        database.inTenantRun(tenant, jdbc -> {
            jdbc.sql("insert into tenants (tenant_id, slug, name) values (?, ?, 'Categorizer test')")
                    .params(tenant.value(), "cat-" + tenant.value()).update();
            jdbc.sql("insert into bank_accounts (tenant_id, account_id, name, currency) values (?, ?, 'Current', 'USD')")
                    .params(tenant.value(), tenant.value()).update();
        });
        return tenant;
    }

    private UUID addRule(TenantId tenant, String field, String type, String pattern, String category) {
        return database.inTenant(tenant, jdbc -> jdbc.sql("""
                insert into category_rules (tenant_id, source, match_field, match_type, pattern, category_code)
                values (?, 'user', ?, ?, ?, ?) returning rule_id""")
                .params(tenant.value(), field, type, pattern, category).query(UUID.class).single());
    }

    private UUID addTransaction(TenantId tenant, String description, String merchant) {
        return database.inTenant(tenant, jdbc -> jdbc.sql("""
                insert into transactions (tenant_id, account_id, source, fingerprint, booking_date, amount, currency,
                                          description, merchant_name, category_code, category_confidence,
                                          model_version, categorized_by)
                values (?, ?, 'feed', ?, date '2026-11-20', -30.00, 'USD', ?, ?, 'GENERAL_MERCHANDISE', 0.55,
                        'pfc1-mlp-test', 'model')
                returning transaction_id""")
                .params(tenant.value(), tenant.value(), UUID.randomUUID().toString(), description, merchant)
                .query(UUID.class).single());
    }

    private CategorizationInput input(String description, String merchant, String amount) {
        return new CategorizationInput(null, description, merchant, null, new BigDecimal(amount), "USD", null, null);
    }
}
