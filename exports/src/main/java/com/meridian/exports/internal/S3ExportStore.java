package com.meridian.exports.internal;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.core.io.AbstractResource;
import org.springframework.core.io.Resource;

import com.meridian.tenancy.TenantId;

import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.Delete;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Exports in an S3-compatible bucket under {@code <prefix>/tenants/<tenant>/exports/<export>/...}, through
 * the AWS SDK for Java v2. Uploads go file by file with the manifest last; downloads stream the object through
 * ranged GETs ({@link S3RangedInputStream}), so an HTTP range request fetches its range, not the object.
 */
public final class S3ExportStore implements ExportStore {

    private final S3Client s3;
    private final String bucket;
    private final String prefix;

    public S3ExportStore(S3Client s3, String bucket, String prefix) {
        this.s3 = s3;
        this.bucket = bucket;
        this.prefix = prefix == null || prefix.isBlank() ? "" : prefix.replaceAll("/+$", "") + "/";
    }

    @Override
    public void publish(TenantId tenant, UUID exportId, Path staging, List<String> files) {
        for (String file : files) {
            s3.putObject(put -> put.bucket(bucket).key(key(tenant, exportId, file)), RequestBody.fromFile(staging.resolve(file)));
        }
    }

    @Override
    public Optional<Resource> open(TenantId tenant, UUID exportId, String file) {
        if (file.contains("..") || file.startsWith("/")) {
            return Optional.empty();
        }
        String key = key(tenant, exportId, file);
        try {
            HeadObjectResponse head = s3.headObject(request -> request.bucket(bucket).key(key));
            return Optional.of(new S3ObjectResource(key, head.contentLength(), file));
        } catch (NoSuchKeyException missing) {
            return Optional.empty();
        } catch (S3Exception failure) {
            if (failure.statusCode() == 404) {
                return Optional.empty();
            }
            throw failure;
        }
    }

    @Override
    public void delete(TenantId tenant, UUID exportId) {
        String folder = prefix + ExportStore.key(tenant, exportId) + "/";
        List<ObjectIdentifier> keys = s3.listObjectsV2Paginator(list -> list.bucket(bucket).prefix(folder)).contents().stream()
                .map(S3Object::key)
                .map(key -> ObjectIdentifier.builder().key(key).build())
                .toList();
        for (int from = 0; from < keys.size(); from += 1000) {
            List<ObjectIdentifier> batch = keys.subList(from, Math.min(keys.size(), from + 1000));
            s3.deleteObjects(delete -> delete.bucket(bucket).delete(Delete.builder().objects(batch).build()));
        }
    }

    @Override
    public String location(TenantId tenant, UUID exportId) {
        return "s3://" + bucket + "/" + prefix + ExportStore.key(tenant, exportId);
    }

    private String key(TenantId tenant, UUID exportId, String file) {
        return prefix + ExportStore.key(tenant, exportId) + "/" + file;
    }

    /** An object of the bucket as a Spring resource: its length is known up front, its bytes are streamed. */
    private final class S3ObjectResource extends AbstractResource {

        private final String key;
        private final long length;
        private final String filename;

        S3ObjectResource(String key, long length, String filename) {
            this.key = key;
            this.length = length;
            this.filename = filename.substring(filename.lastIndexOf('/') + 1);
        }

        @Override
        public InputStream getInputStream() {
            return new S3RangedInputStream(s3, bucket, key, length);
        }

        @Override
        public long contentLength() {
            return length;
        }

        @Override
        public String getFilename() {
            return filename;
        }

        @Override
        public boolean exists() {
            return true;
        }

        @Override
        public String getDescription() {
            return "s3://" + bucket + "/" + key;
        }
    }
}
