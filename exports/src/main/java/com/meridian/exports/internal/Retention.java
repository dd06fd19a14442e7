package com.meridian.exports.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.meridian.tenancy.TenantId;

/**
 * Removes exports: one on request, or those that retention no longer keeps (a schedule's exports beyond its
 * newest {@code keep_last}, and ad-hoc exports past their expiry). The row is marked deleted first, so the API
 * stops offering the files before they go.
 */
public final class Retention {

    private static final Logger log = LoggerFactory.getLogger(Retention.class);

    private final ExportRecords records;
    private final ExportStore store;

    public Retention(ExportRecords records, ExportStore store) {
        this.records = records;
        this.store = store;
    }

    /** Deletes one export; false when there is no such (undeleted) export. */
    public boolean delete(TenantId tenant, UUID exportId) {
        if (!records.deleted(tenant, exportId)) {
            return false;
        }
        try {
            store.delete(tenant, exportId);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return true;
    }

    /** Applies the retention of {@code scheduleId} and the expiry of the tenant's exports; returns how many went. */
    public int apply(TenantId tenant, UUID scheduleId) {
        List<UUID> old = records.dueForRemoval(tenant, scheduleId);
        old.forEach(exportId -> delete(tenant, exportId));
        if (!old.isEmpty()) {
            log.info("retention removed {} exports of tenant {} (schedule {})", old.size(), tenant, scheduleId);
        }
        return old.size();
    }
}
