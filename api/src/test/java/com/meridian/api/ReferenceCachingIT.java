package com.meridian.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.meridian.api.security.Role;
import com.meridian.tenancy.TenantDatabase;
import com.meridian.tenancy.TenantId;

import tools.jackson.databind.JsonNode;

/**
 * A tenant's rules and categories are served from this instance's cache, and every change made through the API
 * (rule created, deleted, made or re-pointed by corrections; category added) is seen at once. A row written
 * behind the API's back stands in for a change made by another instance: it stays unseen until this instance's
 * copy is dropped, which proves the reads come from the cache.
 */
class ReferenceCachingIT extends ApiTestBase {

    @Autowired
    TenantDatabase database;

    private TenantId tenant;
    private String key;
    private UUID account;

    @BeforeEach
    void freshTenant() {
        tenant = newTenant("cache");
        key = keyFor(tenant, Role.ADMIN);
        account = UUID.randomUUID();
        database.inTenantRun(tenant, db -> db.sql("insert into bank_accounts (tenant_id, account_id, name, currency) values (?, ?, 'Main', 'EUR')")
                .params(tenant.value(), account).update());
    }

    @Test
    void rulesAreCachedAndEveryApiChangeIsSeenAtOnce() throws Exception {
        assertThat(body(get("/v1/rules", key))).isEmpty();
        insertRuleBehindTheApi("WRITTEN ELSEWHERE");

        assertThat(body(get("/v1/rules", key))).as("served from the cache").isEmpty();

        String created = body(post("/v1/rules", key,
                "{\"matchField\":\"merchant\",\"matchType\":\"contains\",\"pattern\":\"ACME\",\"categoryCode\":\"INCOME_WAGES\"}"))
                .get("ruleId").asString();
        assertThat(body(get("/v1/rules", key)).toString()).as("after a create").contains(created, "WRITTEN ELSEWHERE");

        assertThat(delete("/v1/rules/" + created, key).statusCode()).isEqualTo(204);
        assertThat(body(get("/v1/rules", key)).toString()).as("after a delete").doesNotContain(created).contains("WRITTEN ELSEWHERE");
    }

    @Test
    void aRuleMadeOrRepointedByCorrectionsIsSeenAtOnce() throws Exception {
        assertThat(body(get("/v1/rules", key))).isEmpty();

        correctThree("BEANERY", "FOOD_AND_DRINK_COFFEE");
        JsonNode made = body(get("/v1/rules", key));

        assertThat(made).hasSize(1);
        assertThat(made.get(0).get("source").asString()).isEqualTo("correction");
        assertThat(made.get(0).get("categoryCode").asString()).isEqualTo("FOOD_AND_DRINK_COFFEE");

        correctThree("BEANERY", "FOOD_AND_DRINK_RESTAURANT");
        JsonNode repointed = body(get("/v1/rules", key));

        assertThat(repointed).hasSize(1);
        assertThat(repointed.get(0).get("ruleId")).isEqualTo(made.get(0).get("ruleId"));
        assertThat(repointed.get(0).get("categoryCode").asString()).isEqualTo("FOOD_AND_DRINK_RESTAURANT");
    }

    @Test
    void categoriesAreCachedAndAnAddedOneIsSeenAtOnce() throws Exception {
        int standard = body(get("/v1/categories", key)).size();
        database.inTenantRun(tenant, db -> db.sql("insert into categories (tenant_id, code, name, standard_code) values (?, 'ELSEWHERE', 'x', 'INCOME_WAGES')")
                .param(tenant.value()).update());

        assertThat(body(get("/v1/categories", key))).as("served from the cache").hasSize(standard);

        assertThat(post("/v1/categories", key, "{\"code\":\"TEAM_LUNCH\",\"name\":\"Team lunch\",\"standardCode\":\"FOOD_AND_DRINK_RESTAURANT\"}")
                .statusCode()).isEqualTo(201);
        assertThat(body(get("/v1/categories", key)).toString()).contains("TEAM_LUNCH", "ELSEWHERE");
    }

    private void insertRuleBehindTheApi(String pattern) {
        database.inTenantRun(tenant, db -> db.sql("""
                        insert into category_rules (tenant_id, source, match_field, match_type, pattern, category_code)
                        values (?, 'user', 'merchant', 'contains', ?, 'INCOME_WAGES')""")
                .params(tenant.value(), pattern).update());
    }

    private void correctThree(String merchant, String categoryCode) throws Exception {
        for (int i = 0; i < 3; i++) {
            UUID id = UUID.randomUUID();
            database.inTenantRun(tenant, db -> db.sql("""
                            insert into transactions (tenant_id, transaction_id, account_id, source, source_transaction_id, fingerprint,
                                                      booking_date, amount, currency, merchant_name, description, category_code,
                                                      category_confidence, needs_review, model_version, categorized_by)
                            values (?, ?, ?, 'api', ?, ?, ?, -4.20, 'EUR', ?, 'card payment', 'GENERAL_MERCHANDISE_OTHER_GENERAL_MERCHANDISE',
                                    0.55, true, 'test-model', 'model')""")
                    .params(tenant.value(), id, account, id.toString(), id.toString(), LocalDate.now(), merchant).update());
            assertThat(post("/v1/transactions/" + id + "/correction", key, "{\"categoryCode\":\"" + categoryCode + "\"}").statusCode())
                    .isEqualTo(200);
        }
    }
}
