package com.meridian.bench.export;

import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.postgresql.PGConnection;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import com.meridian.exports.ExportFormat;
import com.meridian.exports.ExportKind;
import com.meridian.exports.ExportRequest;
import com.meridian.exports.ExportView;
import com.meridian.exports.Exports;
import com.meridian.exports.ExportsConfiguration;
import com.meridian.ingest.jobs.JobsConfiguration;
import com.meridian.localstack.LocalStack;
import com.meridian.localstack.MeridianDatabase;
import com.meridian.tenancy.TenantId;

/**
 * Exports {@value #ROWS} transactions of one tenant with the real export job (Spring Batch, keyset pages,
 * month partitions, manifest, publish) to Parquet (ZSTD) and to CSV, and, in the same run and on the same
 * server, lets PostgreSQL {@code COPY (SELECT ...) TO STDOUT} the same rows and columns as CSV into a file,
 * the reference. Prints rows per second and the ratio to COPY. The goal: Parquet at least half of COPY's rate.
 */
@SpringBootApplication(scanBasePackageClasses = {ExportsConfiguration.class, JobsConfiguration.class})
public class ExportBenchmark {

    static final int ROWS = Integer.getInteger("bench.rows", 1_000_000);
    static final int ROUNDS = Integer.getInteger("bench.rounds", 3);
    private static final String COLUMNS = """
            transaction_id, account_id, booking_date, value_date, amount, currency, status, counterparty_name,
            counterparty_account, description, merchant_name, mcc, category_code, needs_review, created_at""";

    public static void main(String[] args) throws Exception {
        try (LocalStack stack = LocalStack.start();
             ConfigurableApplicationContext app = new SpringApplicationBuilder(ExportBenchmark.class)
                     .properties(stack.springProperties()).run(args)) {
            TenantId tenant = TenantId.random();
            long seeded = seed(stack.database(), tenant);
            Exports exports = app.getBean(Exports.class);
            if (Boolean.getBoolean("bench.explain")) {
                explain(stack.database(), tenant);
            }
            run(exports, tenant, ExportFormat.PARQUET, LocalDate.of(2026, 1, 31)); // warm-up: JIT, pools, caches
            run(exports, tenant, ExportFormat.CSV, LocalDate.of(2026, 1, 31));
            copy(stack.database(), tenant);

            // three rounds, interleaved, and the median of each: the machine is shared, its load drifts
            List<Duration> copies = new ArrayList<>();
            List<Duration> parquets = new ArrayList<>();
            List<Duration> csvs = new ArrayList<>();
            parquetCpu.clear();
            for (int round = 0; round < ROUNDS; round++) {
                copies.add(copy(stack.database(), tenant));
                parquets.add(run(exports, tenant, ExportFormat.PARQUET, LocalDate.of(2026, 12, 31)));
                csvs.add(run(exports, tenant, ExportFormat.CSV, LocalDate.of(2026, 12, 31)));
            }
            double copy = rate(ROWS, median(copies));
            double parquet = rate(ROWS, median(parquets));
            double csv = rate(ROWS, median(csvs));
            System.out.printf(Locale.ROOT, """

                    rows: %,d (seeded %,d), 12 months, 3 currencies, %d cores, median of %d rounds
                    %-34s %,12.0f rows/s   1.00
                    %-34s %,12.0f rows/s   %.2f
                    %-34s %,12.0f rows/s   %.2f
                    goal: Parquet >= 0.50 x COPY -> %s
                    app JVM CPU per Parquet export (median): %,d ms, %.2f microseconds per row
                    """, ROWS, seeded, Runtime.getRuntime().availableProcessors(), ROUNDS,
                    "PostgreSQL COPY (SELECT ...) TO csv", copy,
                    "export job, Parquet (ZSTD)", parquet, parquet / copy,
                    "export job, CSV", csv, csv / copy,
                    parquet / copy >= 0.5 ? "met" : "NOT met",
                    median(parquetCpu).toMillis(), median(parquetCpu).toNanos() / 1000.0 / ROWS);
        }
    }

    /** 1M transactions over 2026 in EUR, USD and JPY, inserted by the server itself (as the owner, in the tenant). */
    private static long seed(MeridianDatabase database, TenantId tenant) throws Exception {
        try (Connection owner = DriverManager.getConnection(database.jdbcUrl(), database.ownerUser(), database.ownerPassword());
             Statement sql = owner.createStatement()) {
            sql.execute("select set_config('app.tenant_id', '" + tenant + "', false)");
            sql.execute("insert into tenants (tenant_id, slug, name) values ('" + tenant + "', 'bench', 'Bench')");
            sql.execute("""
                    insert into bank_accounts (tenant_id, account_id, name, currency)
                    select '%s', ('00000000-0000-4000-8000-00000000000' || n)::uuid, 'Account ' || c, c
                    from (values (1, 'EUR'), (2, 'USD'), (3, 'JPY')) a(n, c)""".formatted(tenant));
            sql.execute("""
                    insert into transactions (tenant_id, account_id, source, source_transaction_id, fingerprint, booking_date,
                                              value_date, amount, currency, counterparty_name, description, merchant_name,
                                              category_code, categorized_by, category_confidence, needs_review)
                    select '%s', ('00000000-0000-4000-8000-00000000000' || (1 + i %% 3))::uuid, 'api', 'tx-' || i, 'fp-' || i,
                           date '2026-01-01' + (i %% 365), date '2026-01-02' + (i %% 365),
                           case i %% 3 when 2 then round((random() * 20000 - 10000)::numeric, 0)
                                       else round((random() * 2000 - 1000)::numeric, 2) end,
                           case i %% 3 when 0 then 'EUR' when 1 then 'USD' else 'JPY' end,
                           'Counterparty ' || (i %% 5000), 'Card payment ' || i || ' Zürich', 'Merchant ' || (i %% 800),
                           case when i %% 4 = 0 then null else 'FOOD_AND_DRINK' end,
                           case when i %% 4 = 0 then null else 'model' end,
                           case when i %% 4 = 0 then null else 0.9 end, i %% 10 = 0
                    from generate_series(1, %d) i""".formatted(tenant, ROWS));
            sql.execute("analyze transactions");
            return ROWS;
        }
    }

    /**
     * CPU time the app's JVM spent on each Parquet export of the rounds: unlike the wall time it hardly depends on
     * what else the shared machine runs, so it shows the job's own cost (PostgreSQL's work is not in it).
     */
    private static final List<Duration> parquetCpu = new ArrayList<>();

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static Duration run(Exports exports, TenantId tenant, ExportFormat format, LocalDate to) throws Exception {
        long started = System.nanoTime();
        long cpuBefore = processCpuNanos();
        UUID id = exports.start(tenant, new ExportRequest(ExportKind.TRANSACTIONS, format, null, LocalDate.of(2026, 1, 1), to,
                null, null, null), "bench");
        ExportView view;
        do {
            Thread.sleep(20);
            view = exports.find(tenant, id).orElseThrow();
        } while (view.status().equals("queued") || view.status().equals("running"));
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        Duration cpu = Duration.ofNanos(processCpuNanos() - cpuBefore);
        if (format == ExportFormat.PARQUET) {
            parquetCpu.add(cpu);
        }
        if (!view.status().equals("completed")) {
            throw new IllegalStateException("export " + id + " " + view.status() + ": " + view.error());
        }
        System.out.printf(Locale.ROOT, "%s export: %,d rows, %d files, %,d bytes in %d ms (app CPU %d ms)%n", format,
                view.rowsWritten(), view.files(), view.bytes(), took.toMillis(), cpu.toMillis());
        return took;
    }

    /** The reference: the server formats the same rows and columns as CSV and streams them into a file. */
    private static Duration copy(MeridianDatabase database, TenantId tenant) throws Exception {
        Path file = Files.createTempFile("meridian-copy-", ".csv");
        long started = System.nanoTime();
        try (Connection app = DriverManager.getConnection(database.jdbcUrl(), database.appUser(), database.appPassword());
             OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            app.setAutoCommit(false);
            try (Statement sql = app.createStatement()) {
                sql.execute("select set_config('app.tenant_id', '" + tenant + "', true)");
            }
            long rows = app.unwrap(PGConnection.class).getCopyAPI().copyOut("copy (select " + COLUMNS
                    + " from transactions where tenant_id = '" + tenant + "' and status <> 'removed'"
                    + " and booking_date between '2026-01-01' and '2026-12-31' order by booking_date, transaction_id)"
                    + " to stdout (format csv, header)", out);
            app.commit();
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            System.out.printf(Locale.ROOT, "COPY: %,d rows, %,d bytes in %d ms%n", rows, Files.size(file), took.toMillis());
            return took;
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** Diagnostics (-Dbench.explain=true): the plan of one page of the export's keyset pagination, half-way. */
    private static void explain(MeridianDatabase database, TenantId tenant) throws Exception {
        try (Connection app = DriverManager.getConnection(database.jdbcUrl(), database.appUser(), database.appPassword())) {
            app.setAutoCommit(false);
            try (Statement sql = app.createStatement()) {
                sql.execute("select set_config('app.tenant_id', '" + tenant + "', true)");
                try (var plan = sql.executeQuery("explain (analyze, buffers) select " + COLUMNS + ", booking_date, amount, currency,"
                        + " transaction_id from transactions where tenant_id = '" + tenant + "' and status <> 'removed'"
                        + " and booking_date between '2026-01-01' and '2026-12-31'"
                        + " and (booking_date, transaction_id) > ('2026-06-30', '00000000-0000-0000-0000-000000000000')"
                        + " order by booking_date, transaction_id limit 10000")) {
                    while (plan.next()) {
                        System.out.println(plan.getString(1));
                    }
                }
            }
            app.rollback();
        }
    }

    private static Duration median(List<Duration> durations) {
        return durations.stream().sorted().toList().get(durations.size() / 2);
    }

    private static double rate(long rows, Duration took) {
        return rows / (took.toNanos() / 1e9);
    }
}
