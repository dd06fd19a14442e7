package com.meridian.ingest.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

import com.meridian.ingest.jobs.JobRunView;
import com.meridian.ingest.jobs.JobRuns;
import com.meridian.ingest.jobs.RejectedEntry;
import com.meridian.localstack.LocalStackTestConfiguration;
import com.meridian.tenancy.TenantDatabase;
import com.meridian.tenancy.TenantId;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Imports every real statement of the shared corpus ({@code ../shared/corpus/statements}) and classifies it:
 * accepted (with the entry count of the file and, where the corpus has expected results, the same amounts),
 * rejected with a recorded reason, or wrong. No file may be wrong; the score is written to
 * {@code target/conformance.md} (copied to {@code docs/conformance.md}).
 */
@SpringBootTest(classes = ImportTestApplication.class, properties = {"spring.batch.job.enabled=false",
        "spring.batch.jdbc.initialize-schema=never", "spring.flyway.placeholders.app_role=${spring.datasource.username}",
        "meridian.imports.chunk-size=3"})
@Import(LocalStackTestConfiguration.class)
class StatementConformanceIT {

    private static final Path CORPUS = Path.of(System.getProperty("meridian.corpus", "../../shared/corpus"))
            .resolve("statements");
    /** How each format marks an entry in the raw text: a second count, independent of the parsers. */
    private static final Map<String, Pattern> ENTRY_MARKERS = Map.of(
            "camt", Pattern.compile("<(?:\\w+:)?Ntry>"),
            "mt940", Pattern.compile("(?m)^(?:\\{4:\\s*)?:61:"),
            "ofx", Pattern.compile("(?i)<STMTTRN>"),
            "bai2", Pattern.compile("(?m)(?:^|/\\s+)16,"));

    @Autowired
    StatementImports imports;

    @Autowired
    JobRuns runs;

    @Autowired
    TenantDatabase database;

    @Test
    void everyCorpusFileIsImportedCorrectlyOrRejectedWithItsReason() throws IOException {
        // given
        ImportTestSupport support = new ImportTestSupport(database, runs);
        TenantId tenant = support.newTenant();
        List<Path> files = statements();
        assertThat(files).as("the corpus at " + CORPUS.toAbsolutePath()).hasSizeGreaterThan(100);

        // when
        List<Outcome> outcomes = new ArrayList<>();
        for (Path file : files) {
            UUID account = support.newAccount(tenant, null, "EUR");
            UUID run = imports.start(tenant, file, CORPUS.relativize(file).toString(), account, null, "conformance");
            JobRunView view = support.awaitFinished(tenant, run);
            outcomes.add(classify(support, tenant, file, account, view, runs.rejects(tenant, run, 5, 0)));
        }

        // then
        writeReport(outcomes);
        assertThat(outcomes).filteredOn(o -> o.verdict() == Verdict.WRONG).as("files imported wrongly").isEmpty();
    }

    private Outcome classify(ImportTestSupport support, TenantId tenant, Path file, UUID account, JobRunView view,
            List<RejectedEntry> rejects) throws IOException {
        String format = CORPUS.relativize(file).getName(0).toString();
        long stored = support.count(tenant, "select count(*) from transactions where account_id = ?", account);
        if (!view.status().equals("completed")) {
            boolean explained = !rejects.isEmpty() && view.errorSummary() != null;
            String reason = rejects.isEmpty() ? String.valueOf(view.errorSummary())
                    : rejects.get(0).reasonCode() + " at " + rejects.get(0).entryRef() + ": " + rejects.get(0).reason();
            // a rejected file leaves nothing behind, even when the reason shows up after entries were read
            return stored > 0 ? new Outcome(file, format, Verdict.WRONG, "rejected, yet " + stored + " transactions stored: " + reason)
                    : new Outcome(file, format, explained ? Verdict.REJECTED : Verdict.WRONG, reason);
        }
        long unbalanced = support.count(tenant,
                "select count(*) from dead_letters where job_run_id = ? and reason_code = 'BALANCE_MISMATCH'", view.jobRunId());
        String mismatch = mismatch(support, tenant, file, account, stored, view.itemsSkipped() - unbalanced, unbalanced);
        if (mismatch != null) {
            return new Outcome(file, format, Verdict.WRONG, mismatch);
        }
        String note = stored + " transactions" + (unbalanced > 0 ? ", balances do not add up in " + unbalanced
                + " statement(s), reported" : "") + (view.itemsSkipped() - unbalanced > 0 ? ", " + (view.itemsSkipped() - unbalanced)
                + " entries rejected (first: " + rejects.get(0).reasonCode() + " at " + rejects.get(0).entryRef() + ")" : "");
        return new Outcome(file, format, oracle(file) != null ? Verdict.MATCHES_EXPECTED : Verdict.ACCEPTED, note);
    }

    /** Why the import disagrees with the file or its expected results, or null. */
    private String mismatch(ImportTestSupport support, TenantId tenant, Path file, UUID account, long count,
            long rejected, long unbalanced) throws IOException {
        String text = Files.readString(file, StandardCharsets.ISO_8859_1);
        Pattern marker = ENTRY_MARKERS.get(CORPUS.relativize(file).getName(0).toString());
        long entries = marker.matcher(text).results().count();
        if (count + rejected != entries) {
            return "the file has " + entries + " entries (" + marker.pattern() + "), stored " + count + " and rejected "
                    + rejected;
        }
        List<BigDecimal> stored = database.inTenant(tenant, sql -> sql.sql(
                "select amount from transactions where account_id = ? order by amount").param(account)
                .query(BigDecimal.class).list());
        JsonNode expected = oracle(file);
        if (expected == null) {
            return null;
        }
        if (file.toString().contains("genkgo")) {
            // genkgo's dumps list the entries of the last record only: each must be among the stored ones
            for (JsonNode entry : expected.path("getEntries")) {
                BigDecimal amount = new BigDecimal(entry.path("getAmount").path("getAmount").asString()).movePointLeft(2);
                if (stored.stream().noneMatch(a -> a.compareTo(amount) == 0)) {
                    return "expected an entry of " + amount + ", stored " + stored;
                }
            }
            return null;
        }
        List<BigDecimal> lines = new ArrayList<>();
        long expectedUnbalanced = 0;
        for (JsonNode statement : expected) {
            BigDecimal movements = BigDecimal.ZERO;
            for (JsonNode line : statement.path("statement_lines")) {
                BigDecimal amount = new BigDecimal(line.path("amount").asString());
                String mark = line.path("ext_debit_credit_indicator").asString();
                // mt940-rs names a reversal by the direction of the money: RC (reversal of a credit) is ReverseDebit
                boolean in = mark.equals("Credit") || mark.equals("ReverseCredit");
                lines.add(in ? amount : amount.negate());
                movements = movements.add(in ? amount : amount.negate());
            }
            if (signed(statement.path("opening_balance")).add(movements).compareTo(signed(statement.path("closing_balance"))) != 0) {
                expectedUnbalanced++;
            }
        }
        if (expectedUnbalanced != unbalanced) {
            return "the expected results have " + expectedUnbalanced + " statements whose balances do not add up, the import reported "
                    + unbalanced;
        }
        lines.sort(BigDecimal::compareTo);
        boolean same = lines.size() == stored.size();
        for (int i = 0; same && i < lines.size(); i++) {
            same = lines.get(i).compareTo(stored.get(i)) == 0;
        }
        return same ? null : "expected " + lines.size() + " lines " + lines + ", stored " + stored.size() + " " + stored;
    }

    private static BigDecimal signed(JsonNode balance) {
        BigDecimal amount = new BigDecimal(balance.path("amount").asString());
        return balance.path("debit_credit_indicator").asString().equals("Debit") ? amount.negate() : amount;
    }

    /**
     * The expected results next to a file, or null: genkgo/camt's (amounts in minor units) and
     * svenstaro/mt940-rs's (statements with their lines, amounts as decimals).
     */
    private static JsonNode oracle(Path file) throws IOException {
        Path json = file.resolveSibling(file.getFileName().toString().replaceAll("\\.(xml|sta)$", ".json"));
        boolean hasOracle = file.toString().contains("genkgo") || file.toString().contains("svenstaro");
        if (!hasOracle || json.equals(file) || !Files.exists(json)) {
            return null;
        }
        return JsonMapper.builder().build().readTree(Files.readString(json));
    }

    private static List<Path> statements() throws IOException {
        try (Stream<Path> paths = Files.walk(CORPUS)) {
            return paths.filter(Files::isRegularFile)
                    .filter(p -> !p.getFileName().toString().matches("(?i).*\\.(json|yml|yaml|md|txt\\.license|license.*)$"))
                    .filter(p -> !p.getFileName().toString().startsWith("LICENSE"))
                    .filter(p -> !p.getFileName().toString().equals("README.md"))
                    .sorted().toList();
        }
    }

    private static void writeReport(List<Outcome> outcomes) throws IOException {
        Map<String, Map<Verdict, Long>> score = new TreeMap<>();
        outcomes.forEach(o -> score.computeIfAbsent(o.format(), f -> new TreeMap<>()).merge(o.verdict(), 1L, Long::sum));
        StringBuilder report = new StringBuilder("| format | files | matches expected | accepted (no oracle) | rejected with reason | wrong |\n|---|---:|---:|---:|---:|---:|\n");
        score.forEach((format, verdicts) -> report.append("| %s | %d | %d | %d | %d | %d |\n".formatted(format,
                verdicts.values().stream().mapToLong(Long::longValue).sum(), verdicts.getOrDefault(Verdict.MATCHES_EXPECTED, 0L),
                verdicts.getOrDefault(Verdict.ACCEPTED, 0L), verdicts.getOrDefault(Verdict.REJECTED, 0L),
                verdicts.getOrDefault(Verdict.WRONG, 0L))));
        report.append("\nFiles with a statement whose balances do not add up (reported as BALANCE_MISMATCH, entries kept): ")
                .append(outcomes.stream().filter(o -> o.detail().contains("balances do not add up")).count()).append("\n");
        report.append("\n| file | verdict | detail |\n|---|---|---|\n");
        outcomes.forEach(o -> report.append("| %s | %s | %s |\n".formatted(CORPUS.relativize(o.file()), o.verdict(),
                o.detail().replace("|", "\\|").replace("\n", " "))));
        Files.writeString(Path.of("target", "conformance.md"), report.toString());
        System.out.println(report);
    }

    enum Verdict { MATCHES_EXPECTED, ACCEPTED, REJECTED, WRONG }

    record Outcome(Path file, String format, Verdict verdict, String detail) {
    }
}
