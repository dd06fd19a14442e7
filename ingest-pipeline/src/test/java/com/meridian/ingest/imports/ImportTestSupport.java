package com.meridian.ingest.imports;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.springframework.core.env.Environment;

import com.meridian.ingest.jobs.JobRunView;
import com.meridian.ingest.jobs.JobRuns;
import com.meridian.tenancy.TenantDatabase;
import com.meridian.tenancy.TenantId;

/** Tenants, accounts and finished imports for the integration tests. */
final class ImportTestSupport {

    private final TenantDatabase database;
    private final JobRuns runs;

    ImportTestSupport(TenantDatabase database, JobRuns runs) {
        this.database = database;
        this.runs = runs;
    }

    TenantId newTenant() {
        TenantId tenant = new TenantId(UUID.randomUUID());
        database.inTenantRun(tenant, sql -> sql.sql("insert into tenants (tenant_id, slug, name) values (?, ?, ?)")
                .params(tenant.value(), "t-" + tenant.value(), "Import test").update());
        return tenant;
    }

    UUID newAccount(TenantId tenant, String iban, String currency) {
        return database.inTenant(tenant, sql -> sql.sql("""
                insert into bank_accounts (tenant_id, name, iban, currency) values (?, 'Current', ?, ?)
                returning account_id""").params(tenant.value(), iban, currency).query(UUID.class).single());
    }

    JobRunView awaitFinished(TenantId tenant, UUID run) {
        return awaitFinished(tenant, run, 60);
    }

    JobRunView awaitFinished(TenantId tenant, UUID run, int seconds) {
        await().atMost(Duration.ofSeconds(seconds)).pollInterval(Duration.ofMillis(50)).until(
                () -> runs.find(tenant, run).map(v -> Set.of("completed", "failed", "stopped").contains(v.status()))
                        .orElse(false));
        return runs.find(tenant, run).orElseThrow();
    }

    long count(TenantId tenant, String sql, Object... params) {
        return database.inTenant(tenant, jdbc -> jdbc.sql(sql).params(params).query(Long.class).single());
    }

    /**
     * Starts an {@link ImportWorkerMain} JVM on the test's database: {@code command} as that class describes, with
     * chunks of 1,000 and {@code properties} ({@code name=value}) on top.
     */
    static Process worker(Environment environment, List<String> properties, String... command) throws IOException {
        List<String> arguments = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-cp", System.getProperty("java.class.path"), ImportWorkerMain.class.getName()));
        arguments.addAll(List.of(command));
        arguments.add("--");
        for (String name : List.of("spring.datasource.url", "spring.datasource.username", "spring.datasource.password",
                "spring.flyway.url", "spring.flyway.user", "spring.flyway.password", "spring.flyway.placeholders.app_role")) {
            arguments.add("--" + name + "=" + environment.getProperty(name));
        }
        arguments.addAll(List.of("--spring.batch.job.enabled=false", "--spring.batch.jdbc.initialize-schema=never",
                "--meridian.imports.chunk-size=1000", "--meridian.jobs.progress-interval=100ms",
                "--spring.main.banner-mode=off", "--logging.level.root=WARN"));
        properties.forEach(property -> arguments.add("--" + property));
        return new ProcessBuilder(arguments).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    }

    static Path write(Path directory, String name, String content) throws IOException {
        return Files.writeString(directory.resolve(name), content, StandardCharsets.UTF_8);
    }
}
