package com.meridian.exports.internal;

import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;

import com.meridian.tenancy.TenantId;

/**
 * Audit entries for what the exports do on their own, with no caller behind them (retention): actor
 * {@code system}, id {@code export-retention}. The database chains the entry (V3); it is written inside the
 * transaction of the change it records, so both commit or neither.
 */
final class SystemAudit {

    static final String ACTOR = "export-retention";

    private SystemAudit() {
    }

    static void record(JdbcClient tenantTransaction, TenantId tenant, String action, UUID exportId, String reason) {
        tenantTransaction.sql("""
                        insert into audit_log (tenant_id, actor_type, actor_id, action, target_type, target_id, details)
                        values (?, 'system', ?, ?, 'export', ?, ?::jsonb)""")
                .params(tenant.value(), ACTOR, action, exportId.toString(),
                        ExportRecords.JSON.writeValueAsString(Map.of("reason", reason)))
                .update();
    }
}
