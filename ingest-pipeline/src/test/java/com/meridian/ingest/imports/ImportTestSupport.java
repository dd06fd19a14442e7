package com.meridian.ingest.imports;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;

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
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50)).until(
                () -> runs.find(tenant, run).map(v -> Set.of("completed", "failed", "stopped").contains(v.status()))
                        .orElse(false));
        return runs.find(tenant, run).orElseThrow();
    }

    long count(TenantId tenant, String sql, Object... params) {
        return database.inTenant(tenant, jdbc -> jdbc.sql(sql).params(params).query(Long.class).single());
    }

    static Path write(Path directory, String name, String content) throws IOException {
        return Files.writeString(directory.resolve(name), content, StandardCharsets.UTF_8);
    }
}
