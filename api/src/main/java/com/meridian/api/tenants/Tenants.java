package com.meridian.api.tenants;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;

import com.github.benmanes.caffeine.cache.LoadingCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.meridian.tenancy.TenantDatabase;
import com.meridian.tenancy.TenantId;

/**
 * Tenant onboarding, profile and suspension.
 *
 * <p>Onboarding is idempotent: the tenant id is derived from the slug, so a repeated call finds the tenant it
 * created before instead of creating a second one. A suspended tenant keeps all its data; only its writes are
 * refused (see {@link TenantStatusFilter}). Each instance caches tenant status briefly, so a suspension made
 * elsewhere takes effect here within {@link #STATUS_CACHE_TTL}; on the instance that made it, at once.
 */
@Service
public class Tenants {

    static final Duration STATUS_CACHE_TTL = Duration.ofSeconds(10);

    private final TenantDatabase database;
    // refreshed in the background before it expires, so a busy tenant's requests never queue behind a reload
    private final LoadingCache<TenantId, TenantStatus> statuses;

    public Tenants(TenantDatabase database) {
        this.database = database;
        this.statuses = Caffeine.newBuilder().refreshAfterWrite(STATUS_CACHE_TTL.dividedBy(2))
                .expireAfterWrite(STATUS_CACHE_TTL).maximumSize(100_000).build(this::readStatus);
    }

    /** Whether a tenant may write, and why not. */
    public record TenantStatus(boolean suspended, String reason) {
    }

    /** The outcome of an onboarding call: the tenant, and whether this call created it. */
    public record Onboarding(TenantId tenant, boolean created) {
    }

    public static TenantId idOf(String slug) {
        return new TenantId(UUID.nameUUIDFromBytes(("meridian-tenant:" + slug).getBytes(StandardCharsets.UTF_8)));
    }

    /** Creates the tenant with its owner and a live subscription to {@code planCode}, unless it exists. */
    public Onboarding onboard(String slug, String name, String ownerEmail, String planCode) {
        TenantId tenant = idOf(slug);
        boolean created = database.inTenant(tenant, db -> {
            int inserted = db.sql("insert into tenants (tenant_id, slug, name) values (?, ?, ?) on conflict do nothing")
                    .params(tenant.value(), slug, name).update();
            if (inserted == 0) {
                return false;
            }
            db.sql("insert into tenant_users (tenant_id, email, role) values (?, ?, 'owner')")
                    .params(tenant.value(), ownerEmail.toLowerCase()).update();
            db.sql("""
                    insert into subscriptions (tenant_id, plan_code, status, current_period_start, current_period_end)
                    values (?, ?, 'active', date_trunc('month', now()), date_trunc('month', now()) + interval '1 month')""")
                    .params(tenant.value(), planCode).update();
            return true;
        });
        return new Onboarding(tenant, created);
    }

    public Optional<TenantProfile> profile(TenantId tenant) {
        return database.inTenant(tenant, db -> db.sql("""
                        select t.tenant_id, t.slug, t.name, t.status, t.time_zone, s.plan_code, t.suspension_reason
                        from tenants t left join subscriptions s on s.tenant_id = t.tenant_id and s.status <> 'canceled'""")
                .query((rs, n) -> new TenantProfile(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7)))
                .optional());
    }

    public TenantStatus status(TenantId tenant) {
        return statuses.get(tenant);
    }

    /** Suspends the tenant; false when it does not exist. */
    public boolean suspend(TenantId tenant, String reason) {
        return changeStatus(tenant, "update tenants set status = 'suspended', suspended_at = now(), suspension_reason = ?, "
                + "updated_at = now() where tenant_id = ?", reason);
    }

    /** Lifts a suspension; false when the tenant does not exist. */
    public boolean reactivate(TenantId tenant) {
        return changeStatus(tenant, "update tenants set status = 'active', suspended_at = null, suspension_reason = null, "
                + "updated_at = now() where tenant_id = ?", null);
    }

    private boolean changeStatus(TenantId tenant, String sql, String reason) {
        int changed = database.inTenant(tenant, db -> reason == null
                ? db.sql(sql).param(tenant.value()).update()
                : db.sql(sql).params(reason, tenant.value()).update());
        statuses.invalidate(tenant);
        return changed == 1;
    }

    private TenantStatus readStatus(TenantId tenant) {
        return database.inTenant(tenant, db -> db.sql("select status = 'suspended', suspension_reason from tenants")
                .query((rs, n) -> new TenantStatus(rs.getBoolean(1), rs.getString(2)))
                .optional().orElse(new TenantStatus(false, null)));
    }
}
