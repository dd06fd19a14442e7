package com.meridian.bench.api;

import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import com.meridian.api.MeridianApplication;
import com.meridian.api.apikeys.ApiKeys;
import com.meridian.api.security.Role;
import com.meridian.api.tenants.Tenants;
import com.meridian.localstack.LocalStack;
import com.meridian.localstack.MeridianDatabase;
import com.meridian.tenancy.TenantId;

/**
 * Loads {@code GET /v1/transactions} of the real application over real HTTP ({@code wrk}, closed loop) on a
 * tenant of {@value #ROWS} transactions, at each of {@code bench.connections} concurrent connections, and, in
 * the same run and on the same server, lets {@code pgbench} run the same keyset-paged listing query as the
 * application role under the same row-level security setting (begin, {@code set_config('app.tenant_id')},
 * select, commit), the reference. Prints throughput, p50/p95/p99 and errors of both. The goal: p95 under
 * 50 ms at 200 connections with no errors.
 */
public final class ApiBenchmark {

    static final int ROWS = Integer.getInteger("bench.rows", 1_000_000);
    static final int SECONDS = Integer.getInteger("bench.seconds", 25);
    static final int[] CONNECTIONS = Arrays.stream(System.getProperty("bench.connections", "50,200").split(","))
            .mapToInt(c -> Integer.parseInt(c.trim())).toArray();
    /** The local PostgreSQL allows 200 connections; the application's pool and the superuser slots need some. */
    static final int PGBENCH_MAX_CLIENTS = 180;
    private static final String PEPPER = "api-benchmark-pepper-with-enough-characters-0123456789";
    private static final Pattern WRK_LINE = Pattern.compile("WRK requests=(\\d+) duration_us=(\\d+) p50_us=(\\d+) "
            + "p95_us=(\\d+) p99_us=(\\d+) max_us=(\\d+) connect=(\\d+) read=(\\d+) write=(\\d+) status=(\\d+) timeout=(\\d+)");

    private ApiBenchmark() {
    }

    /** @param appCpuMsPerRequest CPU the application's JVM used per request (all its threads), NaN for pgbench */
    record Result(String what, int connections, long requests, double seconds, double p50Ms, double p95Ms, double p99Ms,
            long errors, String errorDetail, double appCpuMsPerRequest) {

        double rate() {
            return requests / seconds;
        }
    }

    public static void main(String[] args) throws Exception {
        String wrk = requireWrk();
        System.out.println("load at start: " + uptime());
        try (LocalStack stack = LocalStack.start();
             ConfigurableApplicationContext app = new SpringApplicationBuilder(MeridianApplication.class)
                     .run(applicationArgs(stack.springProperties()))) {
            int port = ((WebServerApplicationContext) app).getWebServer().getPort();
            TenantId tenant = app.getBean(Tenants.class).onboard("api-bench", "API benchmark", "bench@example.com", "business").tenant();
            String key = app.getBean(ApiKeys.class).issue(tenant, "api benchmark", Role.ANALYST).plaintext();
            long started = System.nanoTime();
            seed(stack.database(), tenant);
            System.out.printf(Locale.ROOT, "seeded %,d transactions in %.1f s%n", ROWS, (System.nanoTime() - started) / 1e9);
            checkOnePage(port, key);

            Path work = Files.createTempDirectory("meridian-api-bench-");
            try {
                Path script = work.resolve("transactions.lua");
                try (InputStream lua = ApiBenchmark.class.getResourceAsStream("/transactions.lua")) {
                    Files.copy(lua, script);
                }
                Path pgScript = writePgbenchScript(work, tenant);
                List<Result> results = new ArrayList<>();
                wrk(wrk, script, port, key, 50, 5, "warm-up"); // JIT, pools, PostgreSQL's caches
                for (int connections : CONNECTIONS) {
                    results.add(wrk(wrk, script, port, key, connections, SECONDS, "API GET /v1/transactions (wrk)"));
                    results.add(pgbench(stack, pgScript, work, Math.min(connections, PGBENCH_MAX_CLIENTS), SECONDS));
                }
                // what PostgreSQL sees from the application: at most the pool's connections
                int pool = app.getEnvironment().getProperty("spring.datasource.hikari.maximum-pool-size", Integer.class, 10);
                results.add(pgbench(stack, pgScript, work, pool, SECONDS));
                report(results);
            } finally {
                try (Stream<Path> files = Files.walk(work)) {
                    files.sorted((a, b) -> b.compareTo(a)).forEach(p -> p.toFile().delete());
                }
            }
        }
        System.out.println("load at end: " + uptime());
    }

    private static String[] applicationArgs(Map<String, Object> stackProperties) {
        List<String> args = new ArrayList<>();
        stackProperties.forEach((name, value) -> args.add("--" + name + "=" + value));
        args.addAll(List.of("--server.port=0", "--meridian.demo.enabled=false",
                // the plan's requests per minute would throttle the benchmark, not measure the endpoint
                "--meridian.rate-limit.enabled=false", "--meridian.api-keys.pepper=" + PEPPER,
                "--logging.level.root=WARN"));
        return args.toArray(String[]::new);
    }

    /** One account, transactions spread over 2025 and 2026, inserted by the server itself (as the owner, in the tenant). */
    private static void seed(MeridianDatabase database, TenantId tenant) throws Exception {
        try (Connection owner = DriverManager.getConnection(database.jdbcUrl(), database.ownerUser(), database.ownerPassword());
             Statement sql = owner.createStatement()) {
            sql.execute("select set_config('app.tenant_id', '" + tenant + "', false)");
            sql.execute("insert into bank_accounts (tenant_id, account_id, name, currency) values ('" + tenant
                    + "', '00000000-0000-4000-8000-000000000001', 'Main account', 'EUR')");
            sql.execute("""
                    insert into transactions (tenant_id, account_id, source, source_transaction_id, fingerprint, booking_date,
                                              value_date, amount, currency, counterparty_name, description, merchant_name,
                                              category_code, categorized_by, category_confidence, needs_review)
                    select '%s', '00000000-0000-4000-8000-000000000001', 'api', 'tx-' || i, 'fp-' || i,
                           date '2025-01-01' + (i %% 730), date '2025-01-02' + (i %% 730),
                           round((random() * 2000 - 1000)::numeric, 2), 'EUR',
                           'Counterparty ' || (i %% 5000), 'Card payment ' || i || ' Zürich', 'Merchant ' || (i %% 800),
                           case when i %% 4 = 0 then null else 'FOOD_AND_DRINK' end,
                           case when i %% 4 = 0 then null else 'model' end,
                           case when i %% 4 = 0 then null else 0.9 end, i %% 10 = 0
                    from generate_series(1, %d) i""".formatted(tenant, ROWS));
            sql.execute("analyze transactions");
        }
    }

    /** Fails fast if the key, the seed or the endpoint is wrong, instead of measuring 401s or empty pages. */
    private static void checkOnePage(int port, String key) throws Exception {
        HttpResponse<String> page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/v1/transactions?limit=100&to=2026-06-30"))
                .header("Authorization", "Bearer " + key).build(), HttpResponse.BodyHandlers.ofString());
        if (page.statusCode() != 200 || !page.body().contains("\"nextCursor\":\"")) {
            throw new IllegalStateException("first page answered " + page.statusCode() + ": " + page.body());
        }
        System.out.printf(Locale.ROOT, "one page of 100: %,d bytes of JSON%n", page.body().length());
    }

    private static Result wrk(String wrk, Path script, int port, String key, int connections, int seconds, String label)
            throws Exception {
        List<String> command = List.of(wrk, "-t2", "-c" + connections, "-d" + seconds + "s", "--timeout", "10s",
                "-s", script.toString(), "http://127.0.0.1:" + port);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("MERIDIAN_BENCH_KEY", key);
        // CPU time, unlike throughput, barely depends on what else the shared machine runs at the same time
        long cpuBefore = processCpuNanos();
        String output = run(builder);
        long cpuNanos = processCpuNanos() - cpuBefore;
        Matcher m = WRK_LINE.matcher(output);
        if (!m.find()) {
            throw new IllegalStateException("wrk printed no summary:\n" + output);
        }
        long socketErrors = Long.parseLong(m.group(7)) + Long.parseLong(m.group(8)) + Long.parseLong(m.group(9))
                + Long.parseLong(m.group(11));
        long status = Long.parseLong(m.group(10));
        Result result = new Result(label, connections, Long.parseLong(m.group(1)),
                Long.parseLong(m.group(2)) / 1e6, ms(m.group(3)), ms(m.group(4)), ms(m.group(5)), socketErrors + status,
                "non-2xx " + status + ", socket " + socketErrors + ", max " + ms(m.group(6)) + " ms",
                cpuNanos / 1e6 / Math.max(1, Long.parseLong(m.group(1))));
        System.out.println(line(result) + "   [" + String.join(" ", command) + "]");
        return result;
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** The listing's first-page query (a random "to" day, 101 rows), as the app role, with the tenant set per transaction. */
    private static Path writePgbenchScript(Path work, TenantId tenant) throws IOException {
        String script = """
                \\set day random(0, 729)
                begin;
                select set_config('app.tenant_id', '%s', true);
                select transaction_id, account_id, source, source_transaction_id, status, booking_date, value_date, amount, currency, counterparty_name, counterparty_account, description, merchant_name, mcc, bank_transaction_code, category_code, category_confidence, needs_review, categorized_by, model_version, category_rule_id, created_at, updated_at from transactions where status <> 'removed' and booking_date <= date '2025-01-01' + :day::integer order by booking_date desc, transaction_id desc limit 101;
                commit;
                """.formatted(tenant);
        return Files.writeString(work.resolve("listing.sql"), script);
    }

    private static Result pgbench(LocalStack stack, Path script, Path work, int clients, int seconds) throws Exception {
        MeridianDatabase database = stack.database();
        String dbName = database.jdbcUrl().substring(database.jdbcUrl().lastIndexOf('/') + 1);
        Path logs = Files.createDirectories(work.resolve("pgbench-" + clients + "-" + System.nanoTime()));
        List<String> command = List.of("pgbench", "-n", "-M", "prepared", "-c", String.valueOf(clients), "-j", "2",
                "-T", String.valueOf(seconds), "-f", script.toString(), "-l", "--log-prefix=" + logs.resolve("tx"),
                "-h", stack.postgres().host(), "-p", String.valueOf(stack.postgres().port()), "-U", database.appUser(), dbName);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("PGPASSWORD", database.appPassword());
        String output = run(builder);
        // per-transaction log lines: client_id transaction_no latency_us script_no time_epoch time_us
        long[] latencies;
        try (Stream<Path> files = Files.list(logs)) {
            latencies = files.flatMap(ApiBenchmark::lines).mapToLong(l -> Long.parseLong(l.split(" ")[2])).sorted().toArray();
        }
        Matcher failed = Pattern.compile("number of failed transactions: (\\d+)").matcher(output);
        long errors = failed.find() ? Long.parseLong(failed.group(1)) : 0;
        if (latencies.length == 0) {
            throw new IllegalStateException("pgbench logged no transactions:\n" + output);
        }
        Result result = new Result("PostgreSQL same query (pgbench)", clients, latencies.length, seconds,
                percentile(latencies, 50), percentile(latencies, 95), percentile(latencies, 99), errors,
                "failed transactions " + errors, Double.NaN);
        System.out.println(line(result) + "   [" + String.join(" ", command) + "]");
        return result;
    }

    private static Stream<String> lines(Path file) {
        try {
            return Files.readAllLines(file).stream().filter(l -> !l.isBlank());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static double percentile(long[] sortedMicros, double p) {
        int index = (int) Math.ceil(p / 100.0 * sortedMicros.length) - 1;
        return sortedMicros[Math.max(0, index)] / 1000.0;
    }

    private static double ms(String micros) {
        return Long.parseLong(micros) / 1000.0;
    }

    private static void report(List<Result> results) {
        System.out.printf(Locale.ROOT, "%nrows: %,d in one tenant, %d s per level, %d cores%n", ROWS, SECONDS,
                Runtime.getRuntime().availableProcessors());
        results.forEach(r -> System.out.println(line(r)));
        results.stream().filter(r -> r.what().startsWith("API") && r.connections() == 200).findFirst().ifPresent(r ->
                System.out.printf(Locale.ROOT, "goal: p95 < 50 ms at 200 connections with no errors -> %s (p95 %.1f ms, %d errors)%n",
                        r.p95Ms() < 50 && r.errors() == 0 ? "met" : "NOT met", r.p95Ms(), r.errors()));
        System.out.println("load now: " + uptime());
    }

    private static String line(Result r) {
        String cpu = Double.isNaN(r.appCpuMsPerRequest()) ? ""
                : String.format(Locale.ROOT, "  app CPU %.2f ms/req", r.appCpuMsPerRequest());
        return String.format(Locale.ROOT, "%-34s c=%3d  %,8.0f req/s  p50 %7.1f ms  p95 %7.1f ms  p99 %7.1f ms  errors %d (%s)%s",
                r.what(), r.connections(), r.rate(), r.p50Ms(), r.p95Ms(), r.p99Ms(), r.errors(), r.errorDetail(), cpu);
    }

    private static String requireWrk() throws Exception {
        for (String dir : List.of("/usr/bin", "/usr/local/bin")) {
            if (Files.isExecutable(Path.of(dir, "wrk"))) {
                return dir + "/wrk";
            }
        }
        // Debian packages it; the benchmark runs as root on the build machine
        run(new ProcessBuilder("apt-get", "install", "-y", "wrk").redirectErrorStream(true));
        return "/usr/bin/wrk";
    }

    private static String uptime() {
        try {
            return run(new ProcessBuilder("uptime").redirectErrorStream(true)).trim();
        } catch (Exception e) {
            return "(uptime unavailable: " + e.getMessage() + ")";
        }
    }

    private static String run(ProcessBuilder builder) throws Exception {
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", builder.command()) + " failed:\n" + output);
        }
        return output;
    }
}
