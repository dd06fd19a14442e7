package com.meridian.exports.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import org.gaul.s3proxy.junit.S3ProxyExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.io.Resource;

import com.meridian.exports.ExportsConfiguration;
import com.meridian.exports.ExportsProperties;
import com.meridian.tenancy.TenantId;

import software.amazon.awssdk.services.s3.S3Client;

/**
 * The S3 store against a real S3-compatible server (S3Proxy, started by the test, speaking the S3 protocol
 * over HTTP): publish, open with the right length and bytes, keep tenants apart, delete.
 */
class S3ExportStoreIT {

    @RegisterExtension
    static final S3ProxyExtension S3_PROXY = S3ProxyExtension.builder().withCredentials("access", "secret-key").build();

    @TempDir
    Path staging;

    @Test
    void publishesOpensAndDeletesAnExportUnderItsTenant() throws Exception {
        // given
        S3Client s3 = ExportsConfiguration.s3Client(new ExportsProperties.S3("exports", S3_PROXY.getUri().toString(),
                "us-east-1", true, S3_PROXY.getAccessKey(), S3_PROXY.getSecretKey(), "meridian"));
        s3.createBucket(bucket -> bucket.bucket("exports"));
        S3ExportStore store = new S3ExportStore(s3, "exports", "meridian");
        TenantId tenant = TenantId.random();
        TenantId other = TenantId.random();
        UUID export = UUID.randomUUID();
        Files.createDirectories(staging.resolve("booked_month=2026-03"));
        Files.writeString(staging.resolve("booked_month=2026-03/part-0000.csv"), "amount,currency\r\n-4.50,EUR\r\n");
        Files.writeString(staging.resolve("manifest.json"), "{\"rows\":1}");

        // when
        store.publish(tenant, export, staging, List.of("booked_month=2026-03/part-0000.csv", "manifest.json"));

        // then
        Resource part = store.open(tenant, export, "booked_month=2026-03/part-0000.csv").orElseThrow();
        assertThat(part.contentLength()).isEqualTo(28);
        try (InputStream in = part.getInputStream()) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("amount,currency\r\n-4.50,EUR\r\n");
        }
        assertThat(store.location(tenant, export)).isEqualTo("s3://exports/meridian/tenants/" + tenant + "/exports/" + export);
        assertThat(store.open(other, export, "manifest.json")).isEmpty();
        assertThat(store.open(tenant, export, "../../../" + other + "/exports/" + export + "/manifest.json")).isEmpty();

        // when
        store.delete(tenant, export);

        // then
        assertThat(store.open(tenant, export, "manifest.json")).isEmpty();
        assertThat(s3.listObjectsV2(list -> list.bucket("exports")).contents()).isEmpty();
    }
}
