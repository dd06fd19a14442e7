package com.meridian.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;

import com.meridian.api.security.Role;
import com.meridian.tenancy.TenantDatabase;
import com.meridian.tenancy.TenantId;

import tools.jackson.databind.JsonNode;

/**
 * Listing and reading transactions over HTTP against real rows: filters, stable keyset paging that neither
 * skips nor repeats, exact amounts as strings, explanations, and tenant B never reaching tenant A's rows.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TransactionsApiIT extends ApiTestBase {

    private static final int ROWS = 250;

    @Autowired
    TenantDatabase database;

    private TenantId tenantA;
    private String keyA;
    private String keyB;
    private UUID accountA;
    private UUID ruleA;

    @BeforeAll
    void twoTenantsWithTransactions() {
        tenantA = newTenant("tx-a");
        keyA = keyFor(tenantA, Role.ANALYST);
        keyB = keyFor(newTenant("tx-b"), Role.ANALYST);
        accountA = UUID.randomUUID();
        ruleA = UUID.randomUUID();
        database.inTenantRun(tenantA, db -> {
            db.sql("insert into bank_accounts (tenant_id, account_id, name, currency) values (?, ?, 'Main', 'EUR')")
                    .params(tenantA.value(), accountA).update();
            db.sql("insert into category_rules (tenant_id, rule_id, source, match_field, match_type, pattern, category_code) "
                    + "values (?, ?, 'user', 'merchant', 'contains', 'BAKERY', 'FOOD_AND_DRINK_GROCERIES')")
                    .params(tenantA.value(), ruleA).update();
            for (int i = 0; i < ROWS; i++) {
                boolean bakery = i % 5 == 0;
                db.sql("""
                        insert into transactions (tenant_id, account_id, source, source_transaction_id, fingerprint, booking_date,
                                                  amount, currency, description, merchant_name, category_code, category_confidence,
                                                  needs_review, model_version, categorized_by, category_rule_id)
                        values (?, ?, 'api', ?, ?, ?, ?, 'EUR', ?, ?, ?, ?, ?, ?, ?, ?)""")
                        .params(tenantA.value(), accountA, "tx-" + i, "fp-" + i, LocalDate.of(2026, 1, 1).plusDays(i % 40),
                                new BigDecimal("-1.05").multiply(BigDecimal.valueOf(i + 1)), "card payment " + i,
                                bakery ? "ALBERT'S BAKERY 100%" : "SHOP " + i,
                                bakery ? "FOOD_AND_DRINK_GROCERIES" : "GENERAL_MERCHANDISE_OTHER_GENERAL_MERCHANDISE",
                                bakery ? BigDecimal.ONE : new BigDecimal("0.4200"), !bakery && i % 2 == 0,
                                bakery ? null : "test-model", bakery ? "rule" : "model", bakery ? ruleA : null)
                        .update();
            }
        });
    }

    @Test
    void pagingVisitsEveryRowOnceInAStableOrder() throws Exception {
        Set<String> seen = new HashSet<>();
        List<String> order = new ArrayList<>();
        String cursor = null;
        do {
            JsonNode page = body(get("/v1/transactions?limit=60" + (cursor == null ? "" : "&cursor=" + cursor), keyA));
            page.get("items").forEach(item -> {
                assertThat(seen.add(item.get("transactionId").asString())).as("no row twice").isTrue();
                order.add(item.get("bookingDate").asString() + " " + item.get("transactionId").asString());
            });
            cursor = page.get("nextCursor").isNull() ? null : page.get("nextCursor").asString();
        } while (cursor != null);

        assertThat(seen).hasSize(ROWS);
        assertThat(order).isSortedAccordingTo((x, y) -> y.compareTo(x));
    }

    @Test
    void filtersNarrowTheListing() throws Exception {
        assertThat(body(get("/v1/transactions?q=bakery%20100%25&limit=1000", keyA)).get("items")).hasSize(ROWS / 5);
        assertThat(body(get("/v1/transactions?needsReview=true&limit=1000", keyA)).get("items")).hasSize(100);
        assertThat(body(get("/v1/transactions?from=2026-01-01&to=2026-01-01&limit=1000", keyA)).get("items"))
                .hasSize(ROWS / 40 + 1);
        JsonNode range = body(get("/v1/transactions?minAmount=-10.50&maxAmount=-5.25&limit=1000", keyA)).get("items");
        assertThat(range).hasSize(6);
        range.forEach(item -> assertThat(new BigDecimal(item.get("amount").asString())).isBetween(new BigDecimal("-10.50"), new BigDecimal("-5.25")));
        assertThat(body(get("/v1/transactions?category=FOOD_AND_DRINK_GROCERIES&accountId=" + accountA + "&limit=1000", keyA))
                .get("items")).hasSize(ROWS / 5);
    }

    @Test
    void amountsAreExactStringsAndRuleDecisionsAreExplained() throws Exception {
        JsonNode bakery = body(get("/v1/transactions?q=bakery&limit=1", keyA)).get("items").get(0);
        JsonNode detail = body(get("/v1/transactions/" + bakery.get("transactionId").asString(), keyA));

        assertThat(bakery.get("amount").isString()).isTrue();
        assertThat(detail.get("explanation").get("decidedBy").asString()).isEqualTo("rule");
        assertThat(detail.get("explanation").get("ruleId").asString()).isEqualTo(ruleA.toString());
    }

    @Test
    void anotherTenantNeverReachesTheseRows() throws Exception {
        JsonNode pageOfA = body(get("/v1/transactions?limit=10", keyA));
        String idOfA = pageOfA.get("items").get(0).get("transactionId").asString();

        assertThat(get("/v1/transactions/" + idOfA, keyB).statusCode()).isEqualTo(404);
        assertThat(body(get("/v1/transactions?accountId=" + accountA, keyB)).get("items")).isEmpty();
        assertThat(body(get("/v1/transactions?cursor=" + pageOfA.get("nextCursor").asString(), keyB)).get("items")).isEmpty();
        assertThat(get("/v1/transactions/" + idOfA, keyA).statusCode()).isEqualTo(200);
    }

    @Test
    void badInputIsAProblemNotAFailure() throws Exception {
        assertThat(get("/v1/transactions?cursor=not-a-cursor", keyA).statusCode()).isEqualTo(400);
        assertThat(get("/v1/transactions?limit=5000", keyA).statusCode()).isEqualTo(400);
        assertThat(get("/v1/transactions?from=yesterday", keyA).statusCode()).isEqualTo(400);
        assertThat(get("/v1/transactions/" + UUID.randomUUID(), keyA).statusCode()).isEqualTo(404);
    }
}
