package com.meridian.exports;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.meridian.tenancy.TenantDatabase;
import com.meridian.tenancy.TenantId;

/**
 * Test support: a tenant with accounts in EUR, JPY and KWD and transactions over three months that exercise
 * what exports get wrong: negative amounts, zero-decimal and three-decimal currencies, an amount more precise
 * than its currency, non-ASCII text, nulls, text that spreadsheets would run as a formula, and text with
 * commas, quotes and line breaks. Inserted as the application role, inside the tenant.
 */
final class ExportDataset {

    static final LocalDate FROM = LocalDate.of(2026, 1, 1);
    static final LocalDate TO = LocalDate.of(2026, 3, 31);

    private ExportDataset() {
    }

    /** Creates the tenant {@code slug} with its data; returns the tenant. */
    static TenantId create(TenantDatabase database, String slug, int rowsPerAccount) {
        TenantId tenant = TenantId.random();
        database.inTenantRun(tenant, db -> {
            db.sql("insert into tenants (tenant_id, slug, name) values (?, ?, ?)").params(tenant.value(), slug, "Tenant " + slug).update();
            for (String currency : List.of("EUR", "JPY", "KWD")) {
                UUID account = UUID.randomUUID();
                db.sql("insert into bank_accounts (tenant_id, account_id, name, currency) values (?, ?, ?, ?)")
                        .params(tenant.value(), account, "Account " + currency, currency).update();
                for (int i = 0; i < rowsPerAccount; i++) {
                    insert(db, tenant, account, currency, i);
                }
            }
        });
        return tenant;
    }

    private static void insert(org.springframework.jdbc.core.simple.JdbcClient db, TenantId tenant, UUID account,
            String currency, int i) {
        LocalDate booked = FROM.plusDays((i * 7L) % 90);
        db.sql("""
                        insert into transactions (tenant_id, account_id, source, source_transaction_id, fingerprint, booking_date,
                                                  value_date, amount, currency, counterparty_name, description, merchant_name,
                                                  needs_review)
                        values (?, ?, 'api', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(tenant.value(), account, "tx-" + i, "fp-" + i, booked, i % 5 == 0 ? null : booked.plusDays(1),
                        amount(currency, i), currency, counterparty(i), i % 4 == 0 ? null : "Zahlung Nr. " + i + " für Café Müller – Zürich ✓",
                        i % 3 == 0 ? "東京ラーメン" : null, i % 6 == 0)
                .update();
    }

    private static BigDecimal amount(String currency, int i) {
        BigDecimal base = switch (currency) {
            case "JPY" -> BigDecimal.valueOf(1_000L + i * 37L);
            case "KWD" -> new BigDecimal("12.345").add(BigDecimal.valueOf(i, 3));
            default -> new BigDecimal("19.99").add(BigDecimal.valueOf(i, 2));
        };
        if (currency.equals("EUR") && i == 1) {
            base = new BigDecimal("0.0001"); // more precise than the currency: must survive unrounded
        }
        return i % 3 == 2 ? base : base.negate();
    }

    private static String counterparty(int i) {
        return switch (i % 5) {
            case 0 -> "=HYPERLINK(\"http://evil.example\",\"click\")";
            case 1 -> "Müller, Söhne & \"Partner\"";
            case 2 -> "line one\nline two";
            case 3 -> null;
            default -> "+49 Zürich Ω";
        };
    }

    static List<UUID> transactionIds(TenantDatabase database, TenantId tenant) {
        return new ArrayList<>(database.inTenant(tenant, db -> db.sql("select transaction_id from transactions")
                .query(UUID.class).list()));
    }
}
