package com.meridian.exports.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import org.gaul.s3proxy.junit.S3ProxyExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpRange;
import org.springframework.http.MediaType;
import org.springframework.http.converter.ResourceHttpMessageConverter;
import org.springframework.http.converter.ResourceRegionHttpMessageConverter;
import org.springframework.mock.http.MockHttpOutputMessage;

import com.meridian.exports.ExportsConfiguration;
import com.meridian.exports.ExportsProperties;
import com.meridian.tenancy.TenantId;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;

/**
 * The S3 store against a real S3-compatible server (S3Proxy, started by the test, speaking the S3 protocol
 * over HTTP): publish, open with the right length and bytes, keep tenants apart, delete; and downloads, whole or
 * by range, that fetch the object in ranged GETs instead of whole.
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

    @Test
    void downloadsFetchOnlyTheirRangeAndWholeFilesInGrowingRangedGets() throws Exception {
        // given: a 3 MiB file in the bucket, and a client that notes the Range of every GET it sends
        List<String> gets = new CopyOnWriteArrayList<>();
        S3Client s3 = S3Client.builder().httpClient(UrlConnectionHttpClient.create()).region(Region.US_EAST_1)
                .forcePathStyle(true).endpointOverride(S3_PROXY.getUri())
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(S3_PROXY.getAccessKey(), S3_PROXY.getSecretKey())))
                .overrideConfiguration(configuration -> configuration.addExecutionInterceptor(new ExecutionInterceptor() {
                    @Override
                    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
                        if (context.request() instanceof GetObjectRequest get) {
                            gets.add(String.valueOf(get.range()));
                        }
                    }
                }))
                .build();
        s3.createBucket(bucket -> bucket.bucket("ranges"));
        S3ExportStore store = new S3ExportStore(s3, "ranges", "meridian");
        TenantId tenant = TenantId.random();
        UUID export = UUID.randomUUID();
        byte[] content = new byte[3 * 1024 * 1024];
        new Random(6).nextBytes(content);
        Files.write(staging.resolve("part-0000.parquet"), content);
        store.publish(tenant, export, staging, List.of("part-0000.parquet"));
        Resource file = store.open(tenant, export, "part-0000.parquet").orElseThrow();

        // when: a range request, written by Spring MVC's converter as the API's download does
        MockHttpOutputMessage range = new MockHttpOutputMessage();
        new ResourceRegionHttpMessageConverter().write(HttpRange.parseRanges("bytes=1000000-1000099").get(0).toResourceRegion(file),
                MediaType.APPLICATION_OCTET_STREAM, range);

        // then: its bytes, from one GET that starts at the range
        assertThat(range.getBodyAsBytes()).isEqualTo(Arrays.copyOfRange(content, 1_000_000, 1_000_100));
        assertThat(gets).containsExactly("bytes=1000000-1262143");

        // when: the whole file
        gets.clear();
        MockHttpOutputMessage whole = new MockHttpOutputMessage();
        new ResourceHttpMessageConverter().write(file, MediaType.APPLICATION_OCTET_STREAM, whole);

        // then: every byte, in ranged GETs that grow (256 KiB, doubling), one after the other
        assertThat(whole.getBodyAsBytes()).isEqualTo(content);
        assertThat(gets).containsExactly("bytes=0-262143", "bytes=262144-786431", "bytes=786432-1835007",
                "bytes=1835008-3145727");
    }
}
