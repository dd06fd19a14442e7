package com.meridian.api.tenants;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.springframework.stereotype.Service;

import com.meridian.tenancy.TenantDatabase;
import com.meridian.tenancy.TenantId;

/**
 * Tenant onboarding and profile. Onboarding is idempotent: the tenant id is derived from the slug, so a
 * repeated call finds the tenant it created before instead of creating a second one.
 */
@Service
public class Tenants {

    private final TenantDatabase database;

    public Tenants(TenantDatabase database) {
        this.database = database;
    }

    public static TenantId idOf(String slug) {
        return new TenantId(UUID.nameUUIDFromBytes(("meridian-tenant:" + slug).getBytes(StandardCharsets.UTF_8)));
    }

    /** Creates the tenant with its owner and a live subscription to {@code planCode}, unless it exists. */
    public TenantId onboard(String slug, String name, String ownerEmail, String planCode) {
        TenantId tenant = idOf(slug);
        database.inTenantRun(tenant, db -> {
            int created = db.sql("insert into tenants (tenant_id, slug, name) values (?, ?, ?) on conflict do nothing")
                    .params(tenant.value(), slug, name).update();
            if (created == 0) {
                return;
            }
            db.sql("insert into tenant_users (tenant_id, email, role) values (?, ?, 'owner')")
                    .params(tenant.value(), ownerEmail.toLowerCase()).update();
            db.sql("""
                    insert into subscriptions (tenant_id, plan_code, status, current_period_start, current_period_end)
                    values (?, ?, 'active', date_trunc('month', now()), date_trunc('month', now()) + interval '1 month')""")
                    .params(tenant.value(), planCode).update();
            db.sql("insert into audit_log (tenant_id, actor_type, actor_id, action, target_type, target_id) "
                    + "values (?, 'system', 'onboarding', 'tenant.created', 'tenant', ?)")
                    .params(tenant.value(), tenant.toString()).update();
        });
        return tenant;
    }

    public TenantProfile profile(TenantId tenant) {
        return database.inTenant(tenant, db -> db.sql("""
                        select t.tenant_id, t.slug, t.name, t.status, t.time_zone, s.plan_code
                        from tenants t left join subscriptions s on s.tenant_id = t.tenant_id and s.status <> 'canceled'""")
                .query((rs, n) -> new TenantProfile(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getString(6)))
                .single());
    }
}
