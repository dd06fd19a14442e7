package com.meridian.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;

import com.meridian.api.security.Role;
import com.meridian.api.transactions.TransactionFilter;
import com.meridian.api.transactions.TransactionQueries;
import com.meridian.tenancy.TenantDatabase;
import com.meridian.tenancy.TenantId;

import tools.jackson.databind.json.JsonMapper;

/**
 * The listing's JSON, written straight from the rows, is byte for byte what the application's Jackson writes for
 * the same page built as records: on every page of a listing whose rows hold nulls, text that needs escaping,
 * amounts of every scale, timestamps with and without fractions and whole minutes.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TransactionPageJsonIT extends ApiTestBase {

    private static final TransactionFilter EVERYTHING = new TransactionFilter(null, null, null, null, null, null, null, null, true);

    @Autowired
    TenantDatabase database;

    @Autowired
    TransactionQueries queries;

    @Autowired
    JsonMapper applicationJson;

    private TenantId tenant;

    @BeforeAll
    void rowsOfEveryShape() {
        tenant = newTenant("page-json");
        UUID account = UUID.randomUUID();
        database.inTenantRun(tenant, db -> {
            db.sql("insert into bank_accounts (tenant_id, account_id, name, currency) values (?, ?, 'Main', 'EUR')")
                    .params(tenant.value(), account).update();
            String[] texts = {null, "plain", "quote \" backslash \\ tab \t newline \n", "Ünïcödé € 日本", "control \u0001"};
            String[] amounts = {"0", "-4.5", "1234567890.1234", "-0.0001", "100"};
            for (int i = 0; i < 25; i++) {
                OffsetDateTime at = OffsetDateTime.of(2026, 1 + i % 12, 1 + i, 10, i % 2 == 0 ? 0 : 17, 0,
                        i % 3 == 0 ? 0 : i * 1_000_000 + 123_000, ZoneOffset.UTC);
                db.sql("""
                        insert into transactions (tenant_id, account_id, source, source_transaction_id, fingerprint, booking_date,
                                                  value_date, amount, currency, counterparty_name, description, merchant_name,
                                                  mcc, category_code, category_confidence, needs_review, model_version,
                                                  categorized_by, status, created_at, updated_at)
                        values (?, ?, 'api', ?, ?, ?, ?, ?::numeric, 'EUR', ?, ?, ?, ?, ?, ?::numeric, ?, ?, ?, ?, ?, ?)""")
                        .params(tenant.value(), account, "json-" + i, "json-" + i, LocalDate.of(2026, 3, 1 + i % 4),
                                i % 2 == 0 ? null : LocalDate.of(2026, 3, 2), amounts[i % amounts.length], texts[i % texts.length],
                                texts[(i + 1) % texts.length] == null ? "none" : texts[(i + 1) % texts.length], texts[(i + 2) % texts.length],
                                i % 4 == 0 ? null : "5812", i % 3 == 0 ? null : "FOOD_AND_DRINK_COFFEE", i % 3 == 0 ? null : "0.87",
                                i % 2 == 0, i % 3 == 0 ? null : "model-1", i % 3 == 0 ? null : "model",
                                i % 7 == 0 ? "pending" : "booked", at, at.plusSeconds(i))
                        .update();
            }
        });
    }

    @Test
    void everyPageIsWhatJacksonWritesForTheRecords() {
        String cursor = null;
        int pages = 0;
        do {
            String streamed = new String(queries.listAsJson(tenant, EVERYTHING, cursor, 7), StandardCharsets.UTF_8);
            TransactionQueries.Page page = queries.list(tenant, EVERYTHING, cursor, 7);

            assertThat(streamed).isEqualTo(applicationJson.writeValueAsString(page));
            cursor = page.nextCursor();
            pages++;
        } while (cursor != null);
        assertThat(pages).isEqualTo(4);
    }

    @Test
    void theEndpointSendsThatJson() throws Exception {
        HttpResponse<String> response = get("/v1/transactions?limit=10&includeRemoved=true", keyFor(tenant, Role.VIEWER));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        assertThat(response.body()).isEqualTo(applicationJson.writeValueAsString(queries.list(tenant, EVERYTHING, null, 10)));
    }
}
