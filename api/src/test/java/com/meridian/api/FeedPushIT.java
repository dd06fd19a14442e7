package com.meridian.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
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
 * The HTTP push end to end: an integration key pushes Plaid, Open Banking, Berlin Group and Meridian payloads, gets a
 * verdict per record, and the stream pipeline running in the same application stores the accepted ones once,
 * categorized and with the right sign; refused records are in {@code dead_letters}; another tenant cannot push to
 * the account.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FeedPushIT extends ApiTestBase {

    @Autowired
    TenantDatabase database;

    private TenantId tenant;
    private String integrationKey;
    private String otherTenantKey;
    private String viewerKey;
    private UUID account;

    @BeforeAll
    void tenantWithAnAccount() {
        tenant = newTenant("feed-a");
        integrationKey = keyFor(tenant, Role.INTEGRATION);
        viewerKey = keyFor(tenant, Role.VIEWER);
        otherTenantKey = keyFor(newTenant("feed-b"), Role.INTEGRATION);
        account = database.inTenant(tenant, db -> db.sql("""
                        insert into bank_accounts (tenant_id, name, iban, currency, external_ref)
                        values (?, 'Main', 'DE89370400440532013000', 'EUR', 'plaid-acc-1') returning account_id""")
                .param(tenant.value()).query(UUID.class).single());
    }

    @Test
    void everyFormatIsMappedQueuedAndStoredOnceWithAVerdictPerRecord() throws Exception {
        // when: Plaid (sign inverted, one redelivered, one broken), Open Banking, Berlin Group and Meridian JSON
        JsonNode plaid = body(accepted(post("/v1/feeds/plaid/transactions", integrationKey, """
                {"added": [{"transaction_id": "p1", "account_id": "plaid-acc-1", "amount": 12.5,
                            "iso_currency_code": "EUR", "date": "2026-11-02", "name": "STARBUCKS 1234",
                            "merchant_name": "Starbucks"},
                           {"transaction_id": "p1", "account_id": "plaid-acc-1", "amount": 12.5,
                            "iso_currency_code": "EUR", "date": "2026-11-02", "name": "STARBUCKS 1234",
                            "merchant_name": "Starbucks"},
                           {"transaction_id": "p2", "account_id": "plaid-acc-1", "iso_currency_code": "EUR",
                            "date": "2026-11-02", "name": "no amount"}],
                 "removed": []}""")));
        accepted(post("/v1/feeds/open-banking/transactions?account=" + account, integrationKey, """
                {"Data": {"Transaction": [{"TransactionId": "ob1", "CreditDebitIndicator": "Credit",
                  "Status": "Booked", "BookingDateTime": "2026-11-03T09:00:00+00:00",
                  "Amount": {"Amount": "2500.00", "Currency": "EUR"}, "TransactionInformation": "Salary November",
                  "DebtorAccount": {"Name": "ACME GmbH"}}]}}"""));
        accepted(post("/v1/feeds/berlin-group/transactions", integrationKey, """
                {"account": {"iban": "DE89370400440532013000"}, "transactions": {"booked": [
                  {"transactionId": "bg1", "creditorName": "REWE", "bookingDate": "2026-11-04",
                   "transactionAmount": {"currency": "EUR", "amount": "-61.20"},
                   "remittanceInformationUnstructured": "REWE Markt sagt danke"}]}}"""));
        accepted(post("/v1/feeds/meridian/transactions?account=" + account, integrationKey, """
                {"transactions": [{"sourceTransactionId": "m1", "status": "BOOKED", "bookingDate": "2026-11-05",
                  "amount": "-9.99", "currency": "EUR", "description": "Netflix"}]}"""));

        // then
        assertThat(plaid.path("accepted").asInt()).isEqualTo(2);
        assertThat(plaid.path("rejected").asInt()).isEqualTo(1);
        JsonNode refused = plaid.path("records").get(2);
        assertThat(refused.path("verdict").asString()).isEqualTo("REJECTED");
        assertThat(refused.path("reasonCode").asString()).isEqualTo("MISSING_FIELD");
        Map<String, BigDecimal> stored = awaitStored(4);
        assertThat(stored).containsOnlyKeys("p1", "ob1", "bg1", "m1");
        assertThat(stored.get("p1")).isEqualByComparingTo("-12.50");
        assertThat(stored.get("ob1")).isEqualByComparingTo("2500.00");
        assertThat(stored.get("bg1")).isEqualByComparingTo("-61.20");
        long uncategorized = database.inTenant(tenant, db -> db.sql("select count(*) from transactions "
                + "where category_code is null or categorized_by is null").query(Long.class).single());
        assertThat(uncategorized).isZero();
        List<String> deadLetters = database.inTenant(tenant, db -> db
                .sql("select reason_code from dead_letters where stage = 'push'").query(String.class).list());
        assertThat(deadLetters).containsExactly("MISSING_FIELD");
    }

    @Test
    void anotherTenantsAccountIsUnknownAndReadOnlyRolesMayNotPush() throws Exception {
        JsonNode answer = body(accepted(post("/v1/feeds/meridian/transactions?account=" + account, otherTenantKey, """
                {"transactions": [{"sourceTransactionId": "x1", "status": "BOOKED", "bookingDate": "2026-11-05",
                  "amount": "-1.00", "currency": "EUR"}]}""")));
        assertThat(answer.path("records").get(0).path("reasonCode").asString()).isEqualTo("UNKNOWN_ACCOUNT");

        assertThat(post("/v1/feeds/meridian/transactions", viewerKey, "{\"transactions\": []}").statusCode())
                .isEqualTo(403);
        assertThat(post("/v1/feeds/swift/transactions", integrationKey, "{}").statusCode()).isEqualTo(404);
        assertThat(post("/v1/feeds/meridian/transactions", integrationKey, "{not json").statusCode()).isEqualTo(400);
    }

    private HttpResponse<String> accepted(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        return response;
    }

    private Map<String, BigDecimal> awaitStored(int rows) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (true) {
            List<Map.Entry<String, BigDecimal>> found = database.inTenant(tenant, db -> db
                    .sql("select source_transaction_id, amount from transactions where account_id = ?").param(account)
                    .query((rs, n) -> Map.entry(rs.getString(1), rs.getBigDecimal(2))).list());
            if (found.size() >= rows || System.nanoTime() > deadline) {
                return Map.ofEntries(found.toArray(Map.Entry[]::new));
            }
            Thread.sleep(200);
        }
    }
}
