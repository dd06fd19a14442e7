package com.meridian.exports.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.core.io.Resource;

import com.meridian.tenancy.TenantId;

/**
 * Where finished exports live. Every key starts with the tenant, so one tenant's files can never be named by
 * another's export. An export is published whole: its files first, then its manifest, so a reader that finds
 * the manifest finds every file.
 */
public interface ExportStore {

    /** Copies every file under {@code staging} (paths relative to it) into the export's place. */
    void publish(TenantId tenant, UUID exportId, Path staging, List<String> files) throws IOException;

    /** A file of a published export, readable with a known length (for range requests), if it exists. */
    Optional<Resource> open(TenantId tenant, UUID exportId, String file);

    /** Removes every file of the export; removing what is not there is fine. */
    void delete(TenantId tenant, UUID exportId) throws IOException;

    /** Where the export is, for operators and for the local run's DuckDB line. */
    String location(TenantId tenant, UUID exportId);

    static String key(TenantId tenant, UUID exportId) {
        return "tenants/" + tenant + "/exports/" + exportId;
    }
}
