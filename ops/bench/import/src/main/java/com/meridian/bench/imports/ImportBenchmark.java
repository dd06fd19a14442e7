package com.meridian.bench.imports;

import java.io.BufferedWriter;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Locale;
import java.util.UUID;

import org.postgresql.PGConnection;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.util.FileSystemUtils;

import com.meridian.ingest.imports.StatementImportJobConfiguration;
import com.meridian.ingest.imports.StatementImports;
import com.meridian.ingest.jobs.JobRunView;
import com.meridian.ingest.jobs.JobRuns;
import com.meridian.ingest.jobs.JobsConfiguration;
import com.meridian.localstack.LocalStack;
import com.meridian.localstack.MeridianDatabase;
import com.meridian.tenancy.TenantDatabase;
import com.meridian.tenancy.TenantId;

/**
 * Imports a CSV of {@code bench.rows} transactions and a camt.053 of {@code bench.camt.entries} entries with the
 * real import job (parse, check, categorize with the real categorizer, stage, merge) and, in the same run on the
 * same server, lets PostgreSQL {@code COPY} the same rows into the same {@code transactions} table (as psql would:
 * a superuser, the file's rows already in the table's shape), the reference. The CSV is imported twice: by the
 * single-threaded stage, and by the partitioned stage ({@code bench.partitions} partitions, a second application
 * context on the same stack whose partition threshold every file passes). Prints rows per second and the ratio
 * to COPY. The goal: the CSV import at half of COPY's rate or better.
 */
@SpringBootApplication(scanBasePackageClasses = {JobsConfiguration.class, StatementImportJobConfiguration.class})
public class ImportBenchmark {

    static final int ROWS = Integer.getInteger("bench.rows", 1_000_000);
    static final int CAMT_ENTRIES = Integer.getInteger("bench.camt.entries", 100_000);
    static final int PARTITIONS = Integer.getInteger("bench.partitions", 2);

    public static void main(String[] args) throws Exception {
        Path work = Files.createTempDirectory("meridian-import-bench");
        try (LocalStack stack = LocalStack.start();
             ConfigurableApplicationContext app = new SpringApplicationBuilder(ImportBenchmark.class)
                     .properties(stack.springProperties()).run(args);
             ConfigurableApplicationContext partitionedApp = new SpringApplicationBuilder(ImportBenchmark.class)
                     .properties(stack.springProperties())
                     // arguments, which win over application.properties (where the threshold keeps one thread)
                     .run(partitioned(args))) {
            TenantDatabase database = app.getBean(TenantDatabase.class);
            TenantId tenant = TenantId.random();
            database.inTenantRun(tenant, sql -> sql.sql("insert into tenants (tenant_id, slug, name) values (?, 'bench', 'Bench')")
                    .param(tenant.value()).update());
            Path csv = csv(work.resolve("statement.csv"), ROWS);
            Path camt = camt(work.resolve("statement.xml"), CAMT_ENTRIES);
            Path copyCsv = copyFile(work.resolve("copy.csv"), tenant, account(database, tenant), ROWS);
            Path copyCamt = copyFile(work.resolve("copy-camt.csv"), tenant, account(database, tenant), CAMT_ENTRIES);

            // each load starts from an empty table, so neither side pays for the other's index entries
            Duration copy = copy(stack, copyCsv);
            emptyTransactions(stack);
            Duration csvImport = importFile(app, tenant, account(database, tenant), csv);
            emptyTransactions(stack);
            Duration csvPartitioned = importFile(partitionedApp, tenant, account(database, tenant), csv);
            emptyTransactions(stack);
            Duration copySmall = copy(stack, copyCamt);
            emptyTransactions(stack);
            Duration camtImport = importFile(app, tenant, account(database, tenant), camt);

            double copyRate = rate(ROWS, copy);
            double csvRate = rate(ROWS, csvImport);
            double partitionedRate = rate(ROWS, csvPartitioned);
            double copySmallRate = rate(CAMT_ENTRIES, copySmall);
            double camtRate = rate(CAMT_ENTRIES, camtImport);
            System.out.printf(Locale.ROOT, """

                    %d cores; CSV %,d rows, camt.053 %,d entries
                    %-46s %,12.0f rows/s   1.00
                    %-46s %,12.0f rows/s   %.2f
                    %-46s %,12.0f rows/s   %.2f   (%.2f x one thread)
                    %-46s %,12.0f rows/s   1.00
                    %-46s %,12.0f rows/s   %.2f
                    goal: CSV import >= 0.50 x COPY -> %s
                    """, Runtime.getRuntime().availableProcessors(), ROWS, CAMT_ENTRIES,
                    "PostgreSQL COPY into transactions (" + ROWS + ")", copyRate,
                    "import job, CSV (parse..merge)", csvRate, csvRate / copyRate,
                    "import job, CSV, " + PARTITIONS + " partitions", partitionedRate, partitionedRate / copyRate,
                    partitionedRate / csvRate,
                    "PostgreSQL COPY into transactions (" + CAMT_ENTRIES + ")", copySmallRate,
                    "import job, camt.053 (parse..merge)", camtRate, camtRate / copySmallRate,
                    csvRate / copyRate >= 0.5 ? "met" : "NOT met");
        } finally {
            FileSystemUtils.deleteRecursively(work);
        }
    }

    private static String[] partitioned(String[] args) {
        String[] all = java.util.Arrays.copyOf(args, args.length + 2);
        all[args.length] = "--meridian.imports.partition-threshold=0B";
        all[args.length + 1] = "--meridian.imports.partition-grid-size=" + PARTITIONS;
        return all;
    }

    /** Empties {@code transactions} (as the superuser: the application role may not truncate) and analyzes it. */
    private static void emptyTransactions(LocalStack stack) throws Exception {
        try (Connection su = DriverManager.getConnection(stack.database().jdbcUrl(), stack.postgres().superuser(), "");
             java.sql.Statement sql = su.createStatement()) {
            sql.execute("truncate transactions cascade");
            sql.execute("analyze transactions");
        }
    }

    private static UUID account(TenantDatabase database, TenantId tenant) {
        return database.inTenant(tenant, sql -> sql.sql(
                "insert into bank_accounts (tenant_id, name, currency) values (?, 'Bench', 'EUR') returning account_id")
                .param(tenant.value()).query(UUID.class).single());
    }

    private static Duration importFile(ConfigurableApplicationContext app, TenantId tenant, UUID account, Path file)
            throws InterruptedException {
        long started = System.nanoTime();
        UUID run = app.getBean(StatementImports.class).start(tenant, file, file.getFileName().toString(), account, null, "bench");
        JobRuns runs = app.getBean(JobRuns.class);
        JobRunView view;
        do {
            Thread.sleep(50);
            view = runs.find(tenant, run).orElseThrow();
        } while (view.finishedAt() == null);
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        if (!view.status().equals("completed")) {
            throw new IllegalStateException("import " + run + " " + view.status() + ": " + view.errorSummary());
        }
        System.out.printf(Locale.ROOT, "import %s: %,d written, %,d skipped in %d ms%n", file.getFileName(),
                view.itemsWritten(), view.itemsSkipped(), took.toMillis());
        return took;
    }

    /** The reference: the same rows, already in the table's shape, copied in by the server. */
    private static Duration copy(LocalStack stack, Path rows) throws Exception {
        MeridianDatabase database = stack.database();
        long started = System.nanoTime();
        try (Connection su = DriverManager.getConnection(database.jdbcUrl(), stack.postgres().superuser(), "");
             Reader in = Files.newBufferedReader(rows)) {
            long copied = su.unwrap(PGConnection.class).getCopyAPI().copyIn("""
                    copy transactions (tenant_id, account_id, source, fingerprint, occurrence, booking_date, amount, currency,
                                       counterparty_name, description, category_code, category_confidence, categorized_by,
                                       model_version) from stdin (format csv)""", in);
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            System.out.printf(Locale.ROOT, "COPY: %,d rows in %d ms%n", copied, took.toMillis());
            return took;
        }
    }

    private static Path csv(Path file, int rows) throws Exception {
        try (BufferedWriter out = Files.newBufferedWriter(file)) {
            out.write("date,amount,currency,description,counterparty\n");
            for (int i = 0; i < rows; i++) {
                out.write(day(i) + "," + amount(i) + ",EUR," + description(i) + "," + counterparty(i) + "\n");
            }
        }
        return file;
    }

    private static Path copyFile(Path file, TenantId tenant, UUID account, int rows) throws Exception {
        try (BufferedWriter out = Files.newBufferedWriter(file)) {
            for (int i = 0; i < rows; i++) {
                out.write(tenant + "," + account + ",file," + String.format("%064x", i) + ",0," + day(i) + "," + amount(i)
                        + ",EUR," + counterparty(i) + "," + description(i) + ",FOOD_AND_DRINK_COFFEE,0.9500,model,bench\n");
            }
        }
        return file;
    }

    private static Path camt(Path file, int entries) throws Exception {
        try (BufferedWriter out = Files.newBufferedWriter(file)) {
            out.write("""
                    <?xml version="1.0" encoding="UTF-8"?>
                    <Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.08"><BkToCstmrStmt><Stmt>
                    <Acct><Id><IBAN>DE89370400440532013000</IBAN></Id><Ccy>EUR</Ccy></Acct>
                    """);
            for (int i = 0; i < entries; i++) {
                String amount = amount(i);
                boolean debit = amount.startsWith("-");
                out.write("<Ntry><Amt Ccy=\"EUR\">" + (debit ? amount.substring(1) : amount) + "</Amt><CdtDbtInd>"
                        + (debit ? "DBIT" : "CRDT") + "</CdtDbtInd><Sts><Cd>BOOK</Cd></Sts><BookgDt><Dt>" + day(i)
                        + "</Dt></BookgDt><ValDt><Dt>" + day(i) + "</Dt></ValDt><AcctSvcrRef>REF-" + i
                        + "</AcctSvcrRef><BkTxCd><Domn><Cd>PMNT</Cd><Fmly><Cd>CCRD</Cd><SubFmlyCd>POSD</SubFmlyCd></Fmly>"
                        + "</Domn></BkTxCd><NtryDtls><TxDtls><RltdPties><Cdtr><Pty><Nm>" + counterparty(i)
                        + "</Nm></Pty></Cdtr></RltdPties><RmtInf><Ustrd>" + description(i)
                        + "</Ustrd></RmtInf></TxDtls></NtryDtls></Ntry>\n");
            }
            out.write("</Stmt></BkToCstmrStmt></Document>\n");
        }
        return file;
    }

    private static LocalDate day(int i) {
        return LocalDate.of(2020, 1, 1).plusDays(i / 500);
    }

    private static String amount(int i) {
        return (i % 7 == 0 ? "" : "-") + (i % 997) + "." + String.format("%02d", i % 100);
    }

    private static String description(int i) {
        String[] words = {"CARD PAYMENT STARBUCKS", "REWE SAGT DANKE", "SALARY ACME GMBH", "NETFLIX.COM", "DB VERTRIEB",
                "AMAZON MKTPLACE", "SHELL TANKSTELLE", "MIETE WOHNUNG"};
        return words[i % words.length] + " " + i;
    }

    private static String counterparty(int i) {
        return "Counterparty " + (i % 5000);
    }

    private static double rate(int rows, Duration took) {
        return rows / (took.toNanos() / 1e9);
    }
}
