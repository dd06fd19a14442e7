package com.meridian.ingest.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

import com.meridian.ingest.imports.csv.CsvProfile;
import com.meridian.ingest.imports.csv.CsvProfiles;
import com.meridian.ingest.jobs.JobRunView;
import com.meridian.ingest.jobs.JobRuns;
import com.meridian.ingest.jobs.RejectedEntry;
import com.meridian.localstack.LocalStackTestConfiguration;
import com.meridian.tenancy.TenantDatabase;
import com.meridian.tenancy.TenantId;

/**
 * Statement imports end to end against a real PostgreSQL: the job parses, checks, categorizes (the real
 * categorizer), stages and merges; rejected entries are readable with their position and reason; the same
 * bookings imported again, or notified in a camt.054 after a camt.053, land once; tenants stay apart.
 */
@SpringBootTest(classes = ImportTestApplication.class, properties = {"spring.batch.job.enabled=false",
        "spring.batch.jdbc.initialize-schema=never", "spring.flyway.placeholders.app_role=${spring.datasource.username}",
        "meridian.imports.chunk-size=3"})
@Import(LocalStackTestConfiguration.class)
class StatementImportIT {

    private static final String CSV = """
            date,amount,currency,description,counterparty
            2026-11-02,-2.50,EUR,Coffee,Cafe Kranzler
            2026-11-02,-2.50,EUR,Coffee,Cafe Kranzler
            2026-11-02,minus four,EUR,Broken row,Nobody
            2026-11-03,-61.20,EUR,Groceries,REWE
            2026-11-04,2500.00,EUR,Salary November,ACME GmbH
            """;

    @Autowired
    StatementImports imports;

    @Autowired
    JobRuns runs;

    @Autowired
    CsvProfiles profiles;

    @Autowired
    TenantDatabase database;

    @TempDir
    Path files;

    ImportTestSupport support;
    TenantId tenant;
    UUID account;

    @BeforeEach
    void tenantWithAccount() {
        support = new ImportTestSupport(database, runs);
        tenant = support.newTenant();
        account = support.newAccount(tenant, "DE89370400440532013000", "EUR");
    }

    @Test
    void aCsvImportStoresEveryGoodRowCategorizedAndReportsTheBrokenOne() throws Exception {
        // given
        Path file = ImportTestSupport.write(files, "november.csv", CSV);

        // when
        UUID run = imports.start(tenant, file, "november.csv", account, null, "test");
        JobRunView view = support.awaitFinished(tenant, run);

        // then
        assertThat(view.status()).isEqualTo("completed");
        assertThat(view.itemsWritten()).isEqualTo(4);
        assertThat(view.itemsSkipped()).isEqualTo(1);
        assertThat(view.percent()).isEqualByComparingTo("100");
        assertThat(support.count(tenant, "select count(*) from transactions where account_id = ?", account)).isEqualTo(4);
        assertThat(support.count(tenant, "select count(*) from transactions where occurrence = 1 and amount = -2.50"))
                .as("the second identical coffee is a second transaction").isEqualTo(1);
        assertThat(support.count(tenant, "select count(*) from transactions where categorized_by is null")).isZero();
        assertThat(support.count(tenant, "select count(*) from import_staging")).as("staging is emptied").isZero();
        List<RejectedEntry> rejects = runs.rejects(tenant, run, 10, 0);
        assertThat(rejects).singleElement().satisfies(reject -> {
            assertThat(reject.origin()).isEqualTo("november.csv");
            assertThat(reject.entryRef()).isEqualTo("line 4");
            assertThat(reject.reasonCode()).isEqualTo("AMOUNT_INVALID");
            assertThat(reject.reason()).contains("minus four");
        });
    }

    @Test
    void theSameFileImportedTwiceAndAnOverlappingOneStoreEachBookingOnce() throws Exception {
        // given
        Path first = ImportTestSupport.write(files, "first.csv", CSV);
        Path overlapping = ImportTestSupport.write(files, "overlap.csv", CSV.lines().limit(3).reduce("", (a, b) -> a + b + "\n")
                + "2026-11-05,-9.99,EUR,Streaming,Netflix\n");

        // when
        support.awaitFinished(tenant, imports.start(tenant, first, "first.csv", account, null, "test"));
        support.awaitFinished(tenant, imports.start(tenant, first, "first.csv", account, null, "test"));
        JobRunView third = support.awaitFinished(tenant, imports.start(tenant, overlapping, "overlap.csv", account, null, "test"));

        // then
        assertThat(third.status()).isEqualTo("completed");
        assertThat(support.count(tenant, "select count(*) from transactions")).isEqualTo(5);
        assertThat(support.count(tenant, "select count(*) from transactions where amount = -2.50")).isEqualTo(2);
    }

    @Test
    void aFileWhoseDatesGoBackAndForthIsStagedAndStillStoresEachBookingOnce() throws Exception {
        // given the coffees of one day apart from each other, and the file imported twice
        String shuffled = """
                date,amount,currency,description,counterparty
                2026-11-02,-2.50,EUR,Coffee,Cafe Kranzler
                2026-11-04,2500.00,EUR,Salary November,ACME GmbH
                2026-11-02,-2.50,EUR,Coffee,Cafe Kranzler
                2026-11-03,-61.20,EUR,Groceries,REWE
                2026-11-02,-2.50,EUR,Coffee,Cafe Kranzler
                """;
        Path file = ImportTestSupport.write(files, "shuffled.csv", shuffled);

        // when
        JobRunView first = support.awaitFinished(tenant, imports.start(tenant, file, "shuffled.csv", account, null, "test"));
        JobRunView again = support.awaitFinished(tenant, imports.start(tenant, file, "shuffled.csv", account, null, "test"));

        // then
        assertThat(first.status()).isEqualTo("completed");
        assertThat(again.status()).isEqualTo("completed");
        assertThat(support.count(tenant, "select count(*) from transactions")).isEqualTo(5);
        assertThat(support.count(tenant, "select count(*) from transactions where amount = -2.50 and occurrence in (0, 1, 2)"))
                .isEqualTo(3);
        assertThat(support.count(tenant, "select count(*) from import_staging")).isZero();
    }

    @Test
    void aFileInDateOrderGoesStraightIntoTransactionsAndAReimportOfItAddsOnlyTheNewDay() throws Exception {
        // given the November file, then the same bookings with one more day, newest first
        Path first = ImportTestSupport.write(files, "first.csv", CSV);
        Path newestFirst = ImportTestSupport.write(files, "newest-first.csv", """
                date,amount,currency,description,counterparty
                2026-11-06,-9.99,EUR,Streaming,Netflix
                2026-11-04,2500.00,EUR,Salary November,ACME GmbH
                2026-11-03,-61.20,EUR,Groceries,REWE
                2026-11-02,-2.50,EUR,Coffee,Cafe Kranzler
                2026-11-02,-2.50,EUR,Coffee,Cafe Kranzler
                """);

        // when
        support.awaitFinished(tenant, imports.start(tenant, first, "first.csv", account, null, "test"));
        JobRunView second = support.awaitFinished(tenant, imports.start(tenant, newestFirst, "newest-first.csv", account, null, "test"));

        // then
        assertThat(second.status()).isEqualTo("completed");
        assertThat(second.itemsWritten()).isEqualTo(5);
        assertThat(support.count(tenant, "select count(*) from transactions")).isEqualTo(5);
        assertThat(support.count(tenant, "select count(*) from transactions where job_run_id = ?", second.jobRunId()))
                .as("only the new day is the second upload's").isEqualTo(1);
    }

    @Test
    void theFinalMt940ReplacesTheInterimMt942OfTheSameDaysInsteadOfAddingToIt() throws Exception {
        // given an interim report of two bookings and one that the bank drops again
        Path interim = ImportTestSupport.write(files, "interim.sta", """
                :20:INTERIM1
                :25:DE89370400440532013000
                :28C:1/1
                :34F:EURD0,
                :13D:2611051200+0100
                :61:2611051105D12,30NMSCNONREF//B1
                :86:Coffee shop
                :61:2611051105C100,00NTRFNONREF//B2
                :86:Salary
                :61:2611051105D5,00NMSCNONREF//B3
                :86:Reserved, never booked
                -
                """);
        Path statement = ImportTestSupport.write(files, "final.sta", """
                :20:STMT1
                :25:DE89370400440532013000
                :28C:1/1
                :60F:C261104EUR1000,00
                :61:2611051105D12,30NMSCNONREF//B1
                :86:Coffee shop
                :61:2611051105C100,00NTRFNONREF//B2
                :86:Salary
                :62F:C261105EUR1087,70
                -
                """);

        // when the interim report, then the final statement, then the interim report again are imported
        JobRunView first = support.awaitFinished(tenant, imports.start(tenant, interim, "interim.sta", account, null, "test"));
        long pendingAfterInterim = support.count(tenant, "select count(*) from transactions where status = 'pending'");
        JobRunView second = support.awaitFinished(tenant, imports.start(tenant, statement, "final.sta", account, null, "test"));
        JobRunView third = support.awaitFinished(tenant, imports.start(tenant, interim, "interim.sta", account, null, "test"));

        // then
        assertThat(List.of(first.status(), second.status(), third.status())).containsOnly("completed");
        assertThat(pendingAfterInterim).isEqualTo(3);
        assertThat(support.count(tenant, "select count(*) from transactions where status = 'booked'")).isEqualTo(2);
        assertThat(support.count(tenant, "select count(*) from transactions where status = 'booked' and source_transaction_id in ('B1', 'B2')"))
                .isEqualTo(2);
        assertThat(support.count(tenant, "select count(*) from transactions where status = 'pending'"))
                .as("no interim booking of a day the final statement covers, not even imported again").isZero();
        assertThat(support.count(tenant, "select count(*) from transactions where status = 'removed' and removed_at is not null"))
                .as("the replaced interim bookings are kept as removed").isEqualTo(3);
    }

    @Test
    void aCamt054NotifyingBookingsOfACamt053AddsNothingAndTheAccountComesFromTheIban() throws Exception {
        // given
        Path statement = ImportTestSupport.write(files, "053.xml", camt("053", "BkToCstmrStmt", "Stmt",
                entry("REF-1", "DBIT", "12.30") + entry("REF-2", "CRDT", "100.00")));
        Path notification = ImportTestSupport.write(files, "054.xml", camt("054", "BkToCstmrDbtCdtNtfctn", "Ntfctn",
                entry("REF-2", "CRDT", "100.00")));

        // when
        JobRunView first = support.awaitFinished(tenant, imports.start(tenant, statement, "053.xml", null, null, "test"));
        JobRunView second = support.awaitFinished(tenant, imports.start(tenant, notification, "054.xml", null, null, "test"));

        // then
        assertThat(first.status()).isEqualTo("completed");
        assertThat(second.status()).isEqualTo("completed");
        assertThat(support.count(tenant, "select count(*) from transactions where account_id = ?", account)).isEqualTo(2);
        assertThat(support.count(tenant, "select count(*) from transactions where source_transaction_id = 'REF-1' and amount = -12.30"))
                .isEqualTo(1);
    }

    @Test
    void aBankProfileReadsItsOwnLayout() throws Exception {
        // given
        profiles.save(tenant, new CsvProfile("sparkasse", ';', "Cp850", 1, "Buchungstag", null, "dd.MM.yyyy", null,
                "Soll", "Haben", true, false, null, "EUR", List.of("Verwendungszweck"), null, null, null, null));
        Path file = ImportTestSupport.write(files, "umsatz.csv", """
                Umsaetze Girokonto
                Buchungstag;Verwendungszweck;Soll;Haben
                02.11.2026;Miete;1.234,56;
                04.11.2026;Gehalt;;2.500,00
                """);

        // when
        JobRunView view = support.awaitFinished(tenant, imports.start(tenant, file, "umsatz.csv", account, "sparkasse", "test"));

        // then
        assertThat(view.status()).isEqualTo("completed");
        assertThat(support.count(tenant, "select count(*) from transactions where amount in (-1234.56, 2500.00)")).isEqualTo(2);
    }

    @Test
    void aZipOfStatementsInDifferentFormatsImportsEveryOne() throws Exception {
        // given
        Path zip = files.resolve("statements.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            out.putNextEntry(new ZipEntry("november.csv"));
            out.write(CSV.getBytes(StandardCharsets.UTF_8));
            out.putNextEntry(new ZipEntry("camt/053.xml"));
            out.write(camt("053", "BkToCstmrStmt", "Stmt", entry("REF-9", "DBIT", "9.99")).getBytes(StandardCharsets.UTF_8));
        }

        // when
        UUID run = imports.start(tenant, zip, "statements.zip", account, null, "test");
        JobRunView view = support.awaitFinished(tenant, run);

        // then
        assertThat(view.status()).isEqualTo("completed");
        assertThat(support.count(tenant, "select count(*) from transactions where account_id = ?", account)).isEqualTo(5);
        assertThat(runs.rejects(tenant, run, 10, 0)).singleElement()
                .satisfies(reject -> assertThat(reject.entryRef()).isEqualTo("november.csv: line 4"));
    }

    @Test
    void aFileThatIsNoStatementFailsTheRunWithTheReason() throws Exception {
        // given
        Path file = ImportTestSupport.write(files, "notes.txt", "just some notes\nnothing to see\n");

        // when
        UUID run = imports.start(tenant, file, "notes.txt", account, null, "test");
        JobRunView view = support.awaitFinished(tenant, run);

        // then
        assertThat(view.status()).isEqualTo("failed");
        assertThat(view.errorSummary()).contains("expects a column 'date'");
        assertThat(runs.rejects(tenant, run, 10, 0)).singleElement()
                .satisfies(reject -> assertThat(reject.reasonCode()).isEqualTo("CSV_PROFILE_MISMATCH"));
        assertThat(support.count(tenant, "select count(*) from transactions")).isZero();
    }

    @Test
    void anotherTenantSeesNeitherTheRunNorItsRejects() throws Exception {
        // given
        UUID run = imports.start(tenant, ImportTestSupport.write(files, "a.csv", CSV), "a.csv", account, null, "test");
        support.awaitFinished(tenant, run);
        TenantId other = support.newTenant();

        // then
        assertThat(runs.find(other, run)).isEmpty();
        assertThat(runs.rejects(other, run, 10, 0)).isEmpty();
        assertThat(support.count(other, "select count(*) from transactions")).isZero();
    }

    private static String camt(String message, String root, String record, String entries) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.%s.001.08"><%s><%s>
                <Acct><Id><IBAN>DE89370400440532013000</IBAN></Id></Acct>%s
                </%s></%s></Document>
                """.formatted(message, root, record, entries, record, root);
    }

    private static String entry(String ref, String indicator, String amount) {
        return """
                <Ntry><Amt Ccy="EUR">%s</Amt><CdtDbtInd>%s</CdtDbtInd><Sts><Cd>BOOK</Cd></Sts>
                <BookgDt><Dt>2026-11-02</Dt></BookgDt><AcctSvcrRef>%s</AcctSvcrRef></Ntry>
                """.formatted(amount, indicator, ref);
    }
}
