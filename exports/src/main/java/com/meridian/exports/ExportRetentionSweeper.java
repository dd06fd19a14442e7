package com.meridian.exports;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.meridian.exports.internal.Retention;
import com.meridian.tenancy.TenantDatabase;
import com.meridian.tenancy.TenantId;

/**
 * Applies export retention in every tenant, whether or not the tenant starts exports any more: exports past
 * their expiry or beyond their schedule's {@code keep_last} are marked deleted and their files removed (from
 * the local directory or the S3 bucket, and from staging), and exports deleted more than
 * {@link ExportsProperties#deletedKeptFor()} ago lose their row too. Each removal is an audit entry of its
 * tenant.
 *
 * <p>Finding that work is the one read that crosses tenants: the function {@code exports_due_for_sweep} (V61),
 * owned by the migration owner, returns ids only; every change is then made inside the export's own tenant, under
 * its row-level security.
 */
public class ExportRetentionSweeper {

    private static final Logger log = LoggerFactory.getLogger(ExportRetentionSweeper.class);
    private static final TenantId NO_TENANT = TenantId.of("00000000-0000-0000-0000-000000000000");
    private static final int BATCH = 500;
    private static final int MAX_PASSES = 20;

    private final TenantDatabase database;
    private final Retention retention;
    private final Duration deletedKeptFor;
    private final Clock clock;

    public ExportRetentionSweeper(TenantDatabase database, Retention retention, Duration deletedKeptFor, Clock clock) {
        this.database = database;
        this.retention = retention;
        this.deletedKeptFor = deletedKeptFor;
        this.clock = clock;
    }

    /** What one sweep did: exports expired (files removed), rows purged, and removals that failed and wait for the next sweep. */
    public record Sweep(int expired, int purged, int failed) {
    }

    /**
     * Sweeps until nothing is left to do (an export expired in one pass is purged in the next when
     * {@code deletedKeptFor} is zero) or a pass makes no progress (its removals all failed; they are logged and
     * retried by the next sweep).
     */
    public Sweep sweep() {
        int expired = 0;
        int purged = 0;
        Set<UUID> failing = new HashSet<>();
        for (int pass = 0; pass < MAX_PASSES; pass++) {
            List<Due> due = due();
            int progress = 0;
            for (Due each : due) {
                if (failing.contains(each.exportId())) {
                    continue;
                }
                try {
                    boolean done = each.purge() ? retention.purge(each.tenant(), each.exportId())
                            : retention.expire(each.tenant(), each.exportId(), "past its expiry or its schedule's keep_last");
                    if (done) {
                        progress++;
                        if (each.purge()) {
                            purged++;
                        } else {
                            expired++;
                        }
                    }
                } catch (RuntimeException e) {
                    failing.add(each.exportId());
                    log.error("retention could not remove export {} of tenant {}", each.exportId(), each.tenant(), e);
                }
            }
            if (progress == 0) {
                break;
            }
        }
        if (expired + purged + failing.size() > 0) {
            log.info("export retention sweep: {} expired, {} purged, {} failed", expired, purged, failing.size());
        }
        return new Sweep(expired, purged, failing.size());
    }

    private List<Due> due() {
        Instant now = clock.instant();
        // the nil tenant sees no tenant's rows; the function reads across tenants and returns ids only
        return database.inTenant(NO_TENANT, db -> db.sql("select tenant_id, export_id, action from exports_due_for_sweep(?, ?, ?)")
                .params(Timestamp.from(now), Timestamp.from(now.minus(deletedKeptFor)), BATCH)
                .query((rs, n) -> new Due(new TenantId(rs.getObject(1, UUID.class)), rs.getObject(2, UUID.class),
                        "purge".equals(rs.getString(3))))
                .list());
    }

    private record Due(TenantId tenant, UUID exportId, boolean purge) {
    }
}
