package com.meridian.api.feeds;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;

import org.springframework.context.ConfigurableApplicationContext;

import com.meridian.api.tenants.DemoTenant;
import com.meridian.ingest.stream.UsageReconciliation;
import com.meridian.tenancy.TenantDatabase;
import com.meridian.tenancy.TenantId;

/**
 * For the local run: pushes a small bank feed for the demo tenant through the HTTP push (with a redelivery, a record
 * the push refuses and one the pipeline refuses), waits for the stream pipeline, and prints what it stored and
 * categorized, the dead letters, and the tenant's usage reconciled with the stored rows.
 */
public final class DemoFeed {

    private static final String FEED = """
            {"transactions": [
              {"sourceTransactionId": "demo-1", "status": "BOOKED", "bookingDate": "%1$s", "amount": "-3.80",
               "currency": "EUR", "description": "Coffee Corner Alexanderplatz", "merchantName": "Coffee Corner"},
              {"sourceTransactionId": "demo-2", "status": "BOOKED", "bookingDate": "%1$s", "amount": "-61.20",
               "currency": "EUR", "description": "REWE Markt sagt danke", "counterpartyName": "REWE"},
              {"sourceTransactionId": "demo-3", "status": "BOOKED", "bookingDate": "%1$s", "amount": "2500.00",
               "currency": "EUR", "description": "Salary November", "counterpartyName": "ACME GmbH"},
              {"sourceTransactionId": "demo-4", "status": "PENDING", "bookingDate": "%1$s", "amount": "-12.99",
               "currency": "EUR", "description": "NETFLIX.COM", "merchantName": "Netflix"},
              {"sourceTransactionId": "demo-2", "status": "BOOKED", "bookingDate": "%1$s", "amount": "-61.20",
               "currency": "EUR", "description": "REWE Markt sagt danke", "counterpartyName": "REWE"},
              {"sourceTransactionId": "demo-5", "status": "BOOKED", "bookingDate": "%1$s", "amount": "12,50",
               "currency": "EUR", "description": "decimal comma"},
              {"sourceTransactionId": "demo-6", "status": "BOOKED", "bookingDate": "%1$s", "amount": "-1.005",
               "currency": "EUR", "description": "three decimals in euros"}
            ]}""";

    private DemoFeed() {
    }

    public static void pushAndPrint(ConfigurableApplicationContext context) throws Exception {
        DemoTenant demo = context.getBean(DemoTenant.class);
        TenantDatabase database = context.getBean(TenantDatabase.class);
        UUID account = demoAccount(database, demo.tenant());
        String base = "http://localhost:" + context.getEnvironment().getProperty("local.server.port");
        String path = "/v1/feeds/meridian/transactions?account=" + account;
        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", "Bearer " + demo.key().plaintext()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(FEED.formatted(LocalDate.now()))).build(),
                HttpResponse.BodyHandlers.ofString());
        System.out.printf("%n Demo feed: POST %s%n   -> %d %s%n", path, answer.statusCode(), answer.body());
        awaitPipeline(database, demo.tenant(), account);
        print(database, demo.tenant(), account);
    }

    private static UUID demoAccount(TenantDatabase database, TenantId tenant) {
        return database.inTenant(tenant, db -> db.sql("select account_id from bank_accounts where external_ref = 'demo-feed'")
                .query(UUID.class).optional().orElseGet(() -> db.sql("""
                        insert into bank_accounts (tenant_id, name, currency, external_ref)
                        values (?, 'Demo checking', 'EUR', 'demo-feed') returning account_id""")
                        .param(tenant.value()).query(UUID.class).single()));
    }

    private static void awaitPipeline(TenantDatabase database, TenantId tenant, UUID account) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        // usage is counted one hop later (the metering repartition), so wait until it has caught up too
        UsageReconciliation usage = new UsageReconciliation(database);
        while (System.nanoTime() < deadline
                && (count(database, tenant, account) < 4 || !usage.reconcile(tenant, YearMonth.now()).matches())) {
            Thread.sleep(250);
        }
    }

    private static long count(TenantDatabase database, TenantId tenant, UUID account) {
        return database.inTenant(tenant, db -> db.sql("select count(*) from transactions where account_id = ?")
                .param(account).query(Long.class).single());
    }

    private static void print(TenantDatabase database, TenantId tenant, UUID account) {
        List<String> rows = database.inTenant(tenant, db -> db.sql("""
                        select source_transaction_id, booking_date, amount, currency, status, description,
                               category_code, category_confidence, categorized_by
                        from transactions where account_id = ? order by source_transaction_id""").param(account)
                .query((rs, n) -> String.format("   %-7s %s %10s %s %-8s %-30s -> %s (%s, %s)", rs.getString(1),
                        rs.getDate(2), rs.getBigDecimal(3).toPlainString(), rs.getString(4), rs.getString(5),
                        rs.getString(6), rs.getString(7), rs.getBigDecimal(8), rs.getString(9))).list());
        List<String> letters = database.inTenant(tenant, db -> db.sql("""
                        select stage, reason_code, reason from dead_letters order by received_at""")
                .query((rs, n) -> String.format("   %-8s %-16s %s", rs.getString(1), rs.getString(2), rs.getString(3)))
                .list());
        UsageReconciliation.Result usage = new UsageReconciliation(database).reconcile(tenant, YearMonth.now());
        System.out.printf("""
                 Stored and categorized (demo-2 was sent twice and is stored once):
                %s
                 Dead letters (nothing is dropped silently):
                %s
                 Usage %s: %d transactions billed, %d stored -> %s
                %n""", String.join("\n", rows), String.join("\n", letters), usage.period(), usage.billed(),
                usage.stored(), usage.matches() ? "reconciled" : "MISMATCH");
    }
}
