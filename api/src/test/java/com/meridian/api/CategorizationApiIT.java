package com.meridian.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;

import com.meridian.api.security.Role;
import com.meridian.categorizer.CategorizationInput;
import com.meridian.categorizer.TransactionCategorizer;
import com.meridian.schemas.events.CategorizedTransaction.DecidedBy;
import com.meridian.tenancy.TenantDatabase;
import com.meridian.tenancy.TenantId;

import tools.jackson.databind.JsonNode;

/**
 * Categories, rules, corrections and usage over HTTP: a tenant's rule takes effect at once and only for that
 * tenant, consistent corrections of one merchant become a rule, and usage reads the metered counters.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CategorizationApiIT extends ApiTestBase {

    @Autowired
    TenantDatabase database;

    @Autowired
    TransactionCategorizer categorizer;

    private TenantId tenantA;
    private TenantId tenantB;
    private String keyA;
    private String keyB;
    private UUID accountA;

    @BeforeAll
    void twoTenants() {
        tenantA = newTenant("cat-a");
        tenantB = newTenant("cat-b");
        keyA = keyFor(tenantA, Role.ADMIN);
        keyB = keyFor(tenantB, Role.ADMIN);
        accountA = UUID.randomUUID();
        database.inTenantRun(tenantA, db -> db.sql("insert into bank_accounts (tenant_id, account_id, name, currency) values (?, ?, 'Main', 'USD')")
                .params(tenantA.value(), accountA).update());
    }

    @Test
    void categoriesAreTheStandardTaxonomyPlusTheTenantsOwn() throws Exception {
        assertThat(post("/v1/categories", keyA, "{\"code\":\"TEAM_LUNCH\",\"name\":\"Team lunch\",\"standardCode\":\"FOOD_AND_DRINK_RESTAURANT\"}")
                .statusCode()).isEqualTo(201);
        assertThat(post("/v1/categories", keyA, "{\"code\":\"X_CAT\",\"name\":\"x\",\"standardCode\":\"NOT_A_CATEGORY\"}").statusCode()).isEqualTo(400);
        assertThat(post("/v1/categories", keyA, "{\"code\":\"TEAM_LUNCH\",\"name\":\"again\",\"standardCode\":\"FOOD_AND_DRINK_RESTAURANT\"}")
                .statusCode()).isEqualTo(409);

        JsonNode ofA = body(get("/v1/categories", keyA));
        JsonNode ofB = body(get("/v1/categories", keyB));

        assertThat(ofA.size()).isEqualTo(ofB.size() + 1);
        assertThat(ofB.size()).isGreaterThanOrEqualTo(104);
        assertThat(ofA.toString()).contains("TEAM_LUNCH");
        assertThat(ofB.toString()).doesNotContain("TEAM_LUNCH");
    }

    @Test
    void aRuleAppliesAtOnceAndOnlyToItsTenant() throws Exception {
        var created = post("/v1/rules", keyA,
                "{\"matchField\":\"merchant\",\"matchType\":\"contains\",\"pattern\":\"ACME WIDGETS\",\"categoryCode\":\"GENERAL_SERVICES_OTHER_GENERAL_SERVICES\"}");
        String ruleId = body(created).get("ruleId").asString();
        CategorizationInput widget = new CategorizationInput(accountA, "card payment", "ACME WIDGETS LLC", null,
                new BigDecimal("-12.00"), "USD", null, null);

        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(categorizer.categorize(tenantA, List.of(widget)).get(0).decidedBy()).isEqualTo(DecidedBy.RULE);
        assertThat(categorizer.categorize(tenantB, List.of(widget)).get(0).decidedBy()).isNotEqualTo(DecidedBy.RULE);
        assertThat(delete("/v1/rules/" + ruleId, keyB).statusCode()).as("other tenant").isEqualTo(404);
        assertThat(delete("/v1/rules/" + ruleId, keyA).statusCode()).isEqualTo(204);
        assertThat(categorizer.categorize(tenantA, List.of(widget)).get(0).decidedBy()).isNotEqualTo(DecidedBy.RULE);
    }

    @Test
    void invalidRulesAreRefused() throws Exception {
        assertThat(post("/v1/rules", keyA, "{\"matchField\":\"merchant\",\"matchType\":\"regex\",\"pattern\":\"([a-z\",\"categoryCode\":\"INCOME_WAGES\"}")
                .statusCode()).isEqualTo(400);
        assertThat(post("/v1/rules", keyA, "{\"categoryCode\":\"INCOME_WAGES\"}").statusCode()).as("no condition").isEqualTo(400);
        assertThat(post("/v1/rules", keyA, "{\"direction\":\"in\",\"categoryCode\":\"NO_SUCH\"}").statusCode()).isEqualTo(400);
    }

    @Test
    void consistentCorrectionsOfOneMerchantBecomeARule() throws Exception {
        List<UUID> coffees = List.of(insertTransaction("JOES COFFEE ROASTERY #12"), insertTransaction("JOES COFFEE ROASTERY #40"),
                insertTransaction("JOES COFFEE ROASTERY #7"));

        JsonNode last = null;
        for (UUID coffee : coffees) {
            last = body(post("/v1/transactions/" + coffee + "/correction", keyA, "{\"categoryCode\":\"FOOD_AND_DRINK_COFFEE\"}"));
        }

        assertThat(last.get("promotedRuleId").isNull()).isFalse();
        assertThat(last.get("transaction").get("categorizedBy").asString()).isEqualTo("user");
        assertThat(body(get("/v1/rules", keyA)).toString()).contains("\"source\":\"correction\"", "FOOD_AND_DRINK_COFFEE");
        assertThat(post("/v1/transactions/" + coffees.get(0) + "/correction", keyB, "{\"categoryCode\":\"INCOME_WAGES\"}").statusCode())
                .as("other tenant").isEqualTo(404);
        assertThat(post("/v1/transactions/" + coffees.get(0) + "/correction", keyA, "{\"categoryCode\":\"NO_SUCH\"}").statusCode())
                .isEqualTo(400);
    }

    @Test
    void usageShowsTheMeteredBillingPeriod() throws Exception {
        YearMonth month = YearMonth.now(ZoneOffset.UTC);
        database.inTenantRun(tenantA, db -> db.sql("""
                        insert into usage_counters (tenant_id, metric, period_kind, period_start, period_end, quantity)
                        values (?, 'transactions.categorized', 'billing_period', ?, ?, 42)""")
                .params(tenantA.value(), month.atDay(1).atStartOfDay().atOffset(ZoneOffset.UTC),
                        month.plusMonths(1).atDay(1).atStartOfDay().atOffset(ZoneOffset.UTC)).update());

        JsonNode current = body(get("/v1/usage", keyA));

        assertThat(current.get("period").asString()).isEqualTo(month.toString());
        assertThat(current.get("metrics").get(0).get("quantity").asLong()).isEqualTo(42);
        assertThat(body(get("/v1/usage?period=2020-01", keyA)).get("metrics")).isEmpty();
        assertThat(body(get("/v1/usage", keyB)).get("metrics")).isEmpty();
        assertThat(get("/v1/usage?period=last-month", keyA).statusCode()).isEqualTo(400);
    }

    private UUID insertTransaction(String merchant) {
        UUID id = UUID.randomUUID();
        database.inTenantRun(tenantA, db -> db.sql("""
                        insert into transactions (tenant_id, transaction_id, account_id, source, source_transaction_id, fingerprint,
                                                  booking_date, amount, currency, merchant_name, description, category_code,
                                                  category_confidence, needs_review, model_version, categorized_by)
                        values (?, ?, ?, 'api', ?, ?, ?, -4.20, 'USD', ?, 'card payment', 'FOOD_AND_DRINK_RESTAURANT', 0.55, true,
                                'test-model', 'model')""")
                .params(tenantA.value(), id, accountA, id.toString(), id.toString(), LocalDate.now(), merchant).update());
        return id;
    }
}
