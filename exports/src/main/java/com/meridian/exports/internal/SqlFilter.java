package com.meridian.exports.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.meridian.exports.ExportRequest;
import com.meridian.tenancy.TenantId;

/**
 * The WHERE clause of an export over {@code transactions}, with its parameters. The tenant is named
 * explicitly (so the planner uses the tenant-leading indexes) on top of row-level security, which would
 * filter other tenants' rows anyway. Removed transactions are never exported.
 */
record SqlFilter(String where, List<Object> params) {

    static SqlFilter of(TenantId tenant, ExportRequest request) {
        StringBuilder where = new StringBuilder("tenant_id = ? and status <> 'removed' and booking_date between ? and ?");
        List<Object> params = new ArrayList<>(List.of(tenant.value(), request.from(), request.to()));
        var filters = request.filters();
        if (!filters.accountIds().isEmpty()) {
            where.append(" and account_id = any(?::uuid[])");
            params.add(filters.accountIds().stream().map(UUID::toString).toArray(String[]::new));
        }
        if (!filters.categoryCodes().isEmpty()) {
            where.append(" and category_code = any(?::text[])");
            params.add(filters.categoryCodes().toArray(String[]::new));
        }
        if (filters.needsReview() != null) {
            where.append(" and needs_review = ?");
            params.add(filters.needsReview());
        }
        if (filters.minAmount() != null) {
            where.append(" and amount >= ?");
            params.add(filters.minAmount());
        }
        if (filters.maxAmount() != null) {
            where.append(" and amount <= ?");
            params.add(filters.maxAmount());
        }
        return new SqlFilter(where.toString(), List.copyOf(params));
    }
}
