package com.meridian.api;

import com.meridian.tenancy.TenantDatabase;
import com.meridian.tenancy.TenantId;

/** Moves a tenant to another plan, as billing would, for the rate-limit tests. */
final class PlanChanges {

    static final int STARTER_PER_MINUTE = 600;
    /** What the rate-limit tests' extra instances set {@code meridian.rate-limit.plan-cache-ttl} to. */
    static final String PLAN_CACHE_TTL = "1s";

    private PlanChanges() {
    }

    static void change(TenantDatabase database, TenantId tenant, String plan) {
        database.inTenant(tenant, db -> db.sql("update subscriptions set plan_code = ? where status <> 'canceled'")
                .param(plan).update());
    }
}
