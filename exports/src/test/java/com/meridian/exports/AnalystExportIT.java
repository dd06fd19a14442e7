package com.meridian.exports;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

import com.meridian.localstack.LocalStackTestConfiguration;
import com.meridian.tenancy.TenantDatabase;
import com.meridian.tenancy.TenantId;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Exports proven by someone else's reader: the real export job writes the files of a tenant whose data has
 * three currencies, negative amounts, non-ASCII text, nulls and formula-like text, and DuckDB reads them back.
 * Row counts, per-currency sums and every row must equal what PostgreSQL holds for that tenant, and nothing
 * of the other tenant may appear.
 */
@SpringBootTest
@Import(LocalStackTestConfiguration.class)
class AnalystExportIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static TenantId tenant;
    private static TenantId otherTenant;

    @Autowired
    Exports exports;

    @Autowired
    TenantDatabase database;

    @BeforeEach
    void givenTwoTenantsWithTheSameKindOfData() {
        if (tenant == null) {
            tenant = ExportDataset.create(database, "exports-a", 30);
            otherTenant = ExportDataset.create(database, "exports-b", 30);
        }
    }

    @Test
    void parquetHasTheLogicalTypesAndExactlyTheTenantsRowsAndTotals() throws Exception {
        // when
        ExportView export = run(request(ExportFormat.PARQUET, ExportCompression.ZSTD));

        // then
        Path root = root(export);
        String files = "read_parquet('" + root + "/**/*.parquet', hive_partitioning = true)";
        assertThat(root.resolve("booked_month=2026-01")).isDirectory();
        assertThat(root.resolve("booked_month=2026-03")).isDirectory();
        try (Connection duck = DriverManager.getConnection("jdbc:duckdb:")) {
            assertThat(types(duck, files)).containsEntry("amount", "DECIMAL(18,4)").containsEntry("booking_date", "DATE")
                    .containsEntry("created_at", "TIMESTAMP WITH TIME ZONE").containsEntry("description", "VARCHAR")
                    .containsEntry("needs_review", "BOOLEAN");
            assertThat(totals(duck, files)).isEqualTo(postgresTotals());
            assertThat(rows(duck, files)).isEqualTo(postgresRows());
        }
        assertThat(manifestTotals(root)).isEqualTo(postgresTotals());
    }

    @Test
    void csvIsSafeForSpreadsheetsAndOtherwiseEqualToPostgres() throws Exception {
        // when
        ExportView export = run(request(ExportFormat.CSV, ExportCompression.NONE));

        // then
        Path root = root(export);
        String files = "read_csv('" + root + "/**/*.csv', header = true, hive_partitioning = true, columns = " + columns(root) + ")";
        try (Connection duck = DriverManager.getConnection("jdbc:duckdb:")) {
            assertThat(totals(duck, files)).isEqualTo(postgresTotals());
            assertThat(rows(duck, files)).isEqualTo(postgresRows().entrySet().stream()
                    .collect(Collectors.toMap(Map.Entry::getKey, row -> row.getValue().asSpreadsheetText())));
        }
        String text = Files.readString(root.resolve("booked_month=2026-01/part-0000.csv"));
        assertThat(text).startsWith("transaction_id,account_id,booking_date").contains("\r\n")
                .contains("\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"click\"\")\"").doesNotContain(",=HYPERLINK");
    }

    @Test
    void gzippedJsonLinesAreEqualToPostgres() throws Exception {
        // when
        ExportView export = run(request(ExportFormat.JSONL, ExportCompression.GZIP));

        // then
        Path root = root(export);
        String files = "read_json('" + root + "/**/*.jsonl.gz', format = 'newline_delimited', hive_partitioning = true, columns = "
                + columns(root) + ")";
        try (Connection duck = DriverManager.getConnection("jdbc:duckdb:")) {
            assertThat(totals(duck, files)).isEqualTo(postgresTotals());
            assertThat(rows(duck, files)).isEqualTo(postgresRows());
        }
    }

    @Test
    void monthlySpendReportAddsUpToTheTransactionsPerCurrency() throws Exception {
        // when
        ExportView export = run(new ExportRequest(ExportKind.MONTHLY_SPEND, ExportFormat.PARQUET, null, ExportDataset.FROM,
                ExportDataset.TO, null, null, null));

        // then
        String files = "read_parquet('" + root(export) + "/**/*.parquet', hive_partitioning = true)";
        try (Connection duck = DriverManager.getConnection("jdbc:duckdb:")) {
            Map<String, Total> report = query(duck, "select currency, sum(transaction_count), sum(net_amount), "
                    + "sum(credit_total) - sum(debit_total) from " + files + " group by currency", rs -> {
                        assertThat(rs.getBigDecimal(3)).isEqualByComparingTo(rs.getBigDecimal(4));
                        return new Total(rs.getLong(2), rs.getBigDecimal(3).stripTrailingZeros());
                    });
            assertThat(report).isEqualTo(postgresTotals());
        }
    }

    @Test
    void anExportIsInvisibleToAnotherTenantAndFiltersNarrowIt() throws Exception {
        // when
        ExportView export = run(new ExportRequest(ExportKind.TRANSACTIONS, ExportFormat.PARQUET, null, ExportDataset.FROM,
                ExportDataset.TO, new ExportFilters(null, null, true, null, BigDecimal.ZERO), null, false));

        // then
        assertThat(exports.find(otherTenant, export.exportId())).isEmpty();
        assertThat(exports.file(otherTenant, export.exportId(), "manifest.json")).isEmpty();
        assertThat(exports.list(otherTenant, 100)).extracting(ExportView::exportId).doesNotContain(export.exportId());
        try (Connection duck = DriverManager.getConnection("jdbc:duckdb:")) {
            List<UUID> ids = List.copyOf(query(duck, "select transaction_id from read_parquet('" + root(export) + "/*.parquet')",
                    rs -> rs.getString(1)).keySet().stream().map(UUID::fromString).toList());
            assertThat(ids).isNotEmpty().doesNotContainAnyElementsOf(ExportDataset.transactionIds(database, otherTenant));
            List<UUID> expected = database.inTenant(tenant, db -> db.sql(
                    "select transaction_id from transactions where needs_review and amount <= 0").query(UUID.class).list());
            assertThat(ids).containsExactlyInAnyOrderElementsOf(expected);
        }
    }

    @Test
    void anEmptyRangeGivesACompleteExportWithNoFilesAndZeroTotals() throws Exception {
        // when
        ExportView export = run(new ExportRequest(ExportKind.TRANSACTIONS, ExportFormat.CSV, ExportCompression.GZIP,
                ExportDataset.FROM.minusYears(5), ExportDataset.FROM.minusYears(4), null, null, null));

        // then
        JsonNode manifest = JSON.readTree(Files.readString(root(export).resolve("manifest.json")));
        assertThat(manifest.get("rows").asLong()).isZero();
        assertThat(manifest.get("files")).isEmpty();
        assertThat(manifest.get("totals")).isEmpty();
        assertThat(export.rowsTotal()).isZero();
    }

    @Test
    void anExportThatCannotBeWrittenFailsWithItsReasonAndLeavesNoFiles() throws Exception {
        // given: an amount too large for DECIMAL(18, 6), next to ordinary ones
        TenantId bigSpender = ExportDataset.create(database, "exports-big", 3);
        database.inTenantRun(bigSpender, db -> db.sql("update transactions set amount = 12345678901234.123456 where "
                + "source_transaction_id = 'tx-1' and currency = 'EUR'").update());

        // when
        UUID id = exports.start(bigSpender, request(ExportFormat.PARQUET, ExportCompression.ZSTD), "test");
        ExportView failed = awaitFinished(bigSpender, id);

        // then
        assertThat(failed.status()).isEqualTo("failed");
        assertThat(failed.error()).contains("amount 12345678901234.123456 does not fit DECIMAL(18,6)");
        assertThat(exports.file(bigSpender, id, "manifest.json")).isEmpty();
        assertThat(Path.of(exports.location(bigSpender, id))).doesNotExist();
    }

    private ExportRequest request(ExportFormat format, ExportCompression compression) {
        return new ExportRequest(ExportKind.TRANSACTIONS, format, compression, ExportDataset.FROM, ExportDataset.TO, null, null, null);
    }

    private ExportView run(ExportRequest request) throws InterruptedException {
        ExportView view = awaitFinished(tenant, exports.start(tenant, request, "test"));
        assertThat(view.status()).as("export failed: %s", view.error()).isEqualTo("completed");
        return view;
    }

    private ExportView awaitFinished(TenantId owner, UUID id) throws InterruptedException {
        Instant giveUp = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(giveUp)) {
            ExportView view = exports.find(owner, id).orElseThrow();
            if (!view.status().equals("queued") && !view.status().equals("running")) {
                return view;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("export " + id + " did not finish");
    }

    private Path root(ExportView export) {
        return Path.of(exports.location(tenant, export.exportId()));
    }

    private Map<String, Total> postgresTotals() {
        return database.inTenant(tenant, db -> db.sql("select currency, count(*), sum(amount) from transactions group by currency")
                .query(rs -> {
                    Map<String, Total> totals = new HashMap<>();
                    while (rs.next()) {
                        totals.put(rs.getString(1), new Total(rs.getLong(2), rs.getBigDecimal(3).stripTrailingZeros()));
                    }
                    return totals;
                }));
    }

    private Map<String, Row> postgresRows() {
        return database.inTenant(tenant, db -> db.sql("""
                        select transaction_id::text, amount, currency, booking_date::text, value_date::text, counterparty_name,
                               description, merchant_name from transactions""")
                .query(rs -> {
                    Map<String, Row> rows = new HashMap<>();
                    while (rs.next()) {
                        rows.put(rs.getString(1), Row.of(rs));
                    }
                    return rows;
                }));
    }

    private static Map<String, Total> totals(Connection duck, String files) throws SQLException {
        return query(duck, "select currency, count(*), sum(amount) from " + files + " group by currency",
                rs -> new Total(rs.getLong(2), rs.getBigDecimal(3).stripTrailingZeros()));
    }

    private static Map<String, Row> rows(Connection duck, String files) throws SQLException {
        return query(duck, "select transaction_id, amount, currency, booking_date::varchar, value_date::varchar, counterparty_name, "
                + "description, merchant_name from " + files, Row::of);
    }

    private static Map<String, String> types(Connection duck, String files) throws SQLException {
        return query(duck, "describe select * from " + files, rs -> rs.getString(2));
    }

    private static Map<String, Total> manifestTotals(Path root) throws Exception {
        JsonNode manifest = JSON.readTree(Files.readString(root.resolve("manifest.json")));
        Map<String, Total> totals = new HashMap<>();
        for (JsonNode total : manifest.get("totals")) {
            totals.put(total.get("currency").asString(),
                    new Total(total.get("rows").asLong(), total.get("amount").decimalValue().stripTrailingZeros()));
        }
        return totals;
    }

    /** The DuckDB {@code columns} struct for CSV and JSON, from the types the manifest declares. */
    private static String columns(Path root) throws Exception {
        JsonNode manifest = JSON.readTree(Files.readString(root.resolve("manifest.json")));
        StringBuilder struct = new StringBuilder("{");
        for (JsonNode column : manifest.get("columns")) {
            struct.append(struct.length() > 1 ? ", " : "").append('\'').append(column.get("name").asString()).append("': '")
                    .append(column.get("type").asString()).append('\'');
        }
        return struct.append('}').toString();
    }

    private static <T> Map<String, T> query(Connection duck, String sql, RowReader<T> reader) throws SQLException {
        try (Statement statement = duck.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            Map<String, T> result = new HashMap<>();
            while (rs.next()) {
                assertThat(result.put(rs.getString(1), reader.read(rs))).as("duplicate key %s", rs.getString(1)).isNull();
            }
            return result;
        }
    }

    private interface RowReader<T> {
        T read(ResultSet rs) throws SQLException;
    }

    record Total(long rows, BigDecimal amount) {
    }

    record Row(BigDecimal amount, String currency, String bookingDate, String valueDate, String counterparty,
            String description, String merchant) {

        static Row of(ResultSet rs) throws SQLException {
            return new Row(rs.getBigDecimal(2).stripTrailingZeros(), rs.getString(3), rs.getString(4), rs.getString(5),
                    rs.getString(6), rs.getString(7), rs.getString(8));
        }

        /** What a spreadsheet-safe CSV holds: formula-like text behind an apostrophe. */
        Row asSpreadsheetText() {
            return new Row(amount, currency, bookingDate, valueDate, safe(counterparty), safe(description), safe(merchant));
        }

        private static String safe(String text) {
            return text != null && !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
        }
    }

}
