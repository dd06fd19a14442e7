package com.meridian.exports;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.gaul.s3proxy.junit.S3ProxyExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

import com.meridian.exports.internal.ExportRecords;
import com.meridian.exports.internal.Retention;
import com.meridian.exports.internal.S3ExportStore;
import com.meridian.localstack.LocalStackTestConfiguration;
import com.meridian.tenancy.TenantDatabase;
import com.meridian.tenancy.TenantId;

import software.amazon.awssdk.services.s3.S3Client;

/**
 * Retention across tenants: the sweeper, which runs as the application role (no owner, no superuser), finds the
 * expired exports of every tenant through {@code exports_due_for_sweep} and removes them inside their tenants:
 * files (local directory and S3 bucket), then, after the grace period, rows; each removal is audited; an export
 * that has not expired stays.
 */
@SpringBootTest
@Import(LocalStackTestConfiguration.class)
class ExportRetentionSweepIT {

    @RegisterExtension
    static final S3ProxyExtension S3_PROXY = S3ProxyExtension.builder().withCredentials("access", "secret-key").build();

    private static TenantId tenantA;
    private static TenantId tenantB;

    @Autowired
    Exports exports;

    @Autowired
    ExportRecords records;

    @Autowired
    Retention retention;

    @Autowired
    ExportRetentionSweeper sweeper;

    @Autowired
    TenantDatabase database;

    @TempDir
    Path staging;

    @BeforeEach
    void givenTwoTenants() {
        if (tenantA == null) {
            tenantA = ExportDataset.create(database, "sweep-a", 3);
            tenantB = ExportDataset.create(database, "sweep-b", 3);
        }
    }

    @Test
    void expiredExportsOfEveryTenantLoseTheirFilesAndLaterTheirRowsAndTheOthersStay() throws Exception {
        // given: an expired export in each tenant and one in A that has not expired
        UUID expiredA = completedExport(tenantA);
        UUID expiredB = completedExport(tenantB);
        UUID currentA = completedExport(tenantA);
        expire(tenantA, expiredA);
        expire(tenantB, expiredB);
        Path filesA = Path.of(exports.location(tenantA, expiredA));
        Path filesB = Path.of(exports.location(tenantB, expiredB));
        assertThat(filesA.resolve("manifest.json")).exists();
        assertThat(filesB.resolve("manifest.json")).exists();

        // when: the scheduled sweeper runs (deleted rows are kept for a week)
        sweeper.sweep();

        // then: files gone, nothing downloadable, the rows say deleted
        assertThat(filesA).doesNotExist();
        assertThat(filesB).doesNotExist();
        assertThat(exports.file(tenantA, expiredA, "manifest.json")).isEmpty();
        assertThat(exports.file(tenantB, expiredB, "manifest.json")).isEmpty();
        assertThat(exports.find(tenantA, expiredA)).hasValueSatisfying(view -> assertThat(view.status()).isEqualTo("deleted"));
        assertThat(exports.find(tenantB, expiredB)).hasValueSatisfying(view -> assertThat(view.status()).isEqualTo("deleted"));

        // when: a sweep after the grace period
        new ExportRetentionSweeper(database, retention, Duration.ZERO, Clock.systemUTC()).sweep();

        // then: the rows are gone as well, and every removal is in its tenant's audit log
        assertThat(exports.find(tenantA, expiredA)).isEmpty();
        assertThat(exports.find(tenantB, expiredB)).isEmpty();
        assertThat(audited(tenantA, expiredA)).containsExactly("export.expired", "export.purged");
        assertThat(audited(tenantB, expiredB)).containsExactly("export.expired", "export.purged");

        // and the export that has not expired is untouched
        assertThat(exports.find(tenantA, currentA)).hasValueSatisfying(view -> assertThat(view.status()).isEqualTo("completed"));
        assertThat(exports.file(tenantA, currentA, "manifest.json")).isPresent();
        assertThat(audited(tenantA, currentA)).isEmpty();
    }

    @Test
    void expiredExportsInAnS3BucketAreRemovedFromTheBucket() throws Exception {
        // given: exports of two tenants published to S3, one expired in each and one current
        S3Client s3 = ExportsConfiguration.s3Client(new ExportsProperties.S3("sweep", S3_PROXY.getUri().toString(),
                "us-east-1", true, S3_PROXY.getAccessKey(), S3_PROXY.getSecretKey(), "meridian"));
        s3.createBucket(bucket -> bucket.bucket("sweep"));
        S3ExportStore store = new S3ExportStore(s3, "sweep", "meridian");
        UUID expiredA = publishedToS3(store, tenantA);
        UUID expiredB = publishedToS3(store, tenantB);
        UUID currentB = publishedToS3(store, tenantB);
        expire(tenantA, expiredA);
        expire(tenantB, expiredB);

        // when
        new ExportRetentionSweeper(database, new Retention(records, store, staging), Duration.ZERO, Clock.systemUTC()).sweep();

        // then
        assertThat(keys(s3)).noneMatch(key -> key.contains(expiredA.toString()) || key.contains(expiredB.toString()))
                .anyMatch(key -> key.endsWith(currentB + "/manifest.json"));
        assertThat(store.open(tenantA, expiredA, "manifest.json")).isEmpty();
        assertThat(exports.find(tenantA, expiredA)).isEmpty();
        assertThat(exports.find(tenantB, expiredB)).isEmpty();
        assertThat(exports.find(tenantB, currentB)).hasValueSatisfying(view -> assertThat(view.status()).isEqualTo("completed"));
        assertThat(store.open(tenantB, currentB, "manifest.json")).isPresent();
    }

    private UUID completedExport(TenantId tenant) throws InterruptedException {
        UUID id = exports.start(tenant, new ExportRequest(ExportKind.TRANSACTIONS, ExportFormat.CSV, null, ExportDataset.FROM,
                ExportDataset.TO, null, null, null), "test");
        Instant giveUp = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(giveUp)) {
            String status = exports.find(tenant, id).orElseThrow().status();
            if (status.equals("completed")) {
                return id;
            }
            assertThat(status).isIn("queued", "running");
            Thread.sleep(50);
        }
        throw new AssertionError("export " + id + " did not complete");
    }

    /** An export row and its files as the job leaves them, published to S3 instead of the context's local store. */
    private UUID publishedToS3(S3ExportStore store, TenantId tenant) throws Exception {
        UUID id = UUID.randomUUID();
        ExportRequest request = new ExportRequest(ExportKind.TRANSACTIONS, ExportFormat.CSV, null, ExportDataset.FROM,
                ExportDataset.TO, null, null, null);
        records.create(tenant, id, request, "test", null, Instant.now().plus(Duration.ofDays(30)));
        Path folder = Files.createDirectories(staging.resolve(id.toString()));
        Files.createDirectories(folder.resolve("booked_month=2026-01"));
        Files.writeString(folder.resolve("booked_month=2026-01/part-0000.csv"), "amount,currency\r\n-4.50,EUR\r\n");
        Files.writeString(folder.resolve("manifest.json"), "{}");
        store.publish(tenant, id, folder, List.of("booked_month=2026-01/part-0000.csv", "manifest.json"));
        records.completed(tenant, id, new ExportManifest(id, tenant.value(), ExportKind.TRANSACTIONS, ExportFormat.CSV,
                ExportCompression.NONE, request, Instant.now(), 1, List.of(),
                List.of(new ExportManifest.File("booked_month=2026-01/part-0000.csv", "2026-01", 1, 28, "-")),
                List.of(new ExportManifest.CurrencyTotal("EUR", 1, new BigDecimal("-4.50")))));
        return id;
    }

    private void expire(TenantId tenant, UUID exportId) {
        database.inTenantRun(tenant, db -> db.sql("update exports set expires_at = ? where tenant_id = ? and export_id = ?")
                .params(Timestamp.from(Instant.now().minusSeconds(1)), tenant.value(), exportId).update());
    }

    private List<String> audited(TenantId tenant, UUID exportId) {
        return database.inTenant(tenant, db -> db.sql("""
                        select action from audit_log
                        where target_type = 'export' and target_id = ? and actor_type = 'system' and actor_id = 'export-retention'
                        order by seq""")
                .param(exportId.toString()).query(String.class).list());
    }

    private static List<String> keys(S3Client s3) {
        return s3.listObjectsV2Paginator(list -> list.bucket("sweep")).contents().stream().map(object -> object.key()).toList();
    }
}
