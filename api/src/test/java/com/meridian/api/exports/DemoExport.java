package com.meridian.api.exports;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.springframework.context.ConfigurableApplicationContext;

import com.meridian.api.tenants.DemoTenant;
import com.meridian.exports.ExportFormat;
import com.meridian.exports.ExportKind;
import com.meridian.exports.ExportRequest;
import com.meridian.exports.ExportView;
import com.meridian.exports.Exports;
import com.meridian.tenancy.TenantDatabase;
import com.meridian.tenancy.TenantId;

/**
 * For the local run: writes a Parquet export of the demo tenant (giving it a few sample transactions first if
 * it has none) and prints a DuckDB one-liner that opens it, so a newcomer sees an analyst's view at once.
 */
public final class DemoExport {

    private DemoExport() {
    }

    public static void writeAndPrint(ConfigurableApplicationContext context) throws InterruptedException {
        TenantId tenant = context.getBean(DemoTenant.class).tenant();
        sampleTransactions(context.getBean(TenantDatabase.class), tenant);
        Exports exports = context.getBean(Exports.class);
        LocalDate today = LocalDate.now();
        UUID id = exports.start(tenant, new ExportRequest(ExportKind.TRANSACTIONS, ExportFormat.PARQUET, null,
                today.minusYears(1), today, null, null, null), "local-run");
        ExportView export = await(exports, tenant, id);
        String folder = exports.location(tenant, id);
        System.out.printf("""
                 Demo export %s: %s, %d rows in %d files (manifest: %s/manifest.json)
                 Open it with DuckDB:
                   duckdb -c "SELECT booked_month, currency, count(*) AS n, sum(amount) AS total FROM read_parquet('%s/**/*.parquet', hive_partitioning = true) GROUP BY ALL ORDER BY ALL"
                 or from Python: python3 -c "import duckdb; duckdb.sql(\\"SELECT * FROM read_parquet('%s/**/*.parquet', hive_partitioning = true) LIMIT 10\\").show()"
                ============================================================================

                """, id, export.status(), export.rowsWritten() == null ? 0 : export.rowsWritten(),
                export.files() == null ? 0 : export.files(), folder, folder, folder);
    }

    private static ExportView await(Exports exports, TenantId tenant, UUID id) throws InterruptedException {
        Instant giveUp = Instant.now().plus(Duration.ofMinutes(2));
        ExportView export = exports.find(tenant, id).orElseThrow();
        while (Instant.now().isBefore(giveUp) && (export.status().equals("queued") || export.status().equals("running"))) {
            Thread.sleep(100);
            export = exports.find(tenant, id).orElseThrow();
        }
        return export;
    }

    /** A few months of card payments and a salary on the demo account, only if it has no transactions yet. */
    private static void sampleTransactions(TenantDatabase database, TenantId tenant) {
        database.inTenantRun(tenant, db -> {
            UUID account = db.sql("select account_id from bank_accounts order by created_at limit 1").query(UUID.class).single();
            if (db.sql("select count(*) from transactions").query(Long.class).single() > 0) {
                return;
            }
            LocalDate start = LocalDate.now().withDayOfMonth(1).minusMonths(2);
            String[] merchants = {"REWE Markt Berlin", "Café Müller", "Deutsche Bahn", "Spotify", "Späti am Eck"};
            for (int i = 0; i < 60; i++) {
                boolean salary = i % 20 == 0;
                db.sql("""
                                insert into transactions (tenant_id, account_id, source, source_transaction_id, fingerprint,
                                                          booking_date, amount, currency, counterparty_name, description)
                                values (?, ?, 'api', ?, ?, ?, ?, 'EUR', ?, ?)""")
                        .params(tenant.value(), account, "demo-" + i, "demo-" + i, start.plusDays(i),
                                salary ? new BigDecimal("3200.00") : new BigDecimal(-(3 + (i * 7) % 90) + ".49"),
                                salary ? "Demo GmbH" : merchants[i % merchants.length], salary ? "Gehalt" : "Kartenzahlung")
                        .update();
            }
        });
    }
}
