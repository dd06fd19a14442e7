package com.meridian.exports.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.meridian.tenancy.TenantId;

/**
 * Removes exports: one on request, or those that retention no longer keeps (a schedule's exports beyond its
 * newest {@code keep_last}, and exports past their expiry). The row is marked deleted first, so the API stops
 * offering the files before they go; the files in the store and whatever a failed run left in staging go next.
 * Rows marked deleted are {@link #purge purged} later by the sweeper. What retention removes on its own is
 * recorded in the tenant's audit log (a deletion on request is recorded by the API, with its caller).
 */
public final class Retention {

    private static final Logger log = LoggerFactory.getLogger(Retention.class);

    private final ExportRecords records;
    private final ExportStore store;
    private final Path stagingRoot;

    public Retention(ExportRecords records, ExportStore store, Path stagingRoot) {
        this.records = records;
        this.store = store;
        this.stagingRoot = stagingRoot;
    }

    /** Deletes one export on request; false when there is no such (undeleted) export. */
    public boolean delete(TenantId tenant, UUID exportId) {
        if (!records.deleted(tenant, exportId)) {
            return false;
        }
        removeFiles(tenant, exportId);
        return true;
    }

    /** Deletes a completed or failed export that retention no longer keeps; false when it is gone or running again. */
    public boolean expire(TenantId tenant, UUID exportId, String reason) {
        if (!records.expired(tenant, exportId, reason)) {
            return false;
        }
        removeFiles(tenant, exportId);
        return true;
    }

    /** Removes a deleted export's files (again: a crash may have left some) and then its row. */
    public boolean purge(TenantId tenant, UUID exportId) {
        removeFiles(tenant, exportId);
        return records.purged(tenant, exportId);
    }

    /** Applies the retention of {@code scheduleId} and the expiry of the tenant's exports; returns how many went. */
    public int apply(TenantId tenant, UUID scheduleId) {
        List<UUID> old = records.dueForRemoval(tenant, scheduleId);
        long removed = old.stream().filter(exportId -> expire(tenant, exportId, "retention")).count();
        if (removed > 0) {
            log.info("retention removed {} exports of tenant {} (schedule {})", removed, tenant, scheduleId);
        }
        return (int) removed;
    }

    private void removeFiles(TenantId tenant, UUID exportId) {
        try {
            store.delete(tenant, exportId);
            ExportRun.deleteRecursively(ExportRun.staging(stagingRoot, exportId));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
