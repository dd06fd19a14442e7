package com.meridian.api.audit;

import java.util.Map;

import org.slf4j.MDC;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import com.meridian.api.security.Caller;
import com.meridian.api.security.Invitee;
import com.meridian.api.operations.RequestIdFilter;
import com.meridian.tenancy.TenantDatabase;
import com.meridian.tenancy.TenantId;

import tools.jackson.databind.json.JsonMapper;

/**
 * Appends critical actions to the tenant's audit log with the actor, the request id and the caller's
 * address taken from the current request. The database assigns the sequence number and the hash chain
 * (see V3) and advances the tenant's chain head (V33), and the application role can only insert: an entry, once
 * written, cannot be changed or removed unseen, not even from the end of the chain.
 *
 * <p>Called inside the transaction of the action it records, so the action and its entry commit together.
 */
@Service
public class AuditTrail {

    private final TenantDatabase database;
    private final JsonMapper json;

    public AuditTrail(TenantDatabase database, JsonMapper json) {
        this.database = database;
        this.json = json;
    }

    public void record(TenantId tenant, String action, String targetType, String targetId, Map<String, ?> details) {
        Actor actor = currentActor();
        database.inTenantRun(tenant, db -> db.sql("""
                        insert into audit_log (tenant_id, actor_type, actor_id, action, target_type, target_id,
                                               request_id, source_address, details)
                        values (?, ?, ?, ?, ?, ?, ?, ?::inet, ?::jsonb)""")
                .params(tenant.value(), actor.type(), actor.id(), action, targetType, targetId,
                        MDC.get(RequestIdFilter.REQUEST_ID), sourceAddress(), json.writeValueAsString(details))
                .update());
    }

    /**
     * The verdict on the tenant's chain (V33 {@code audit_log_verification()}): every entry's hash and link, and
     * the chain's end against the chain head, so that entries removed from the end are found as well as changed or
     * removed ones inside.
     *
     * @param firstBrokenSeq the first entry that is changed or missing; null when the chain is intact
     * @param problem        why the chain does not verify; null when it does
     * @param entries        entries present
     * @param lastSeq        the last entry present; null when there is none
     * @param headSeq        the last entry the chain head says was written; null before the first entry
     */
    public record Verification(Long firstBrokenSeq, String problem, long entries, Long lastSeq, Long headSeq) {
    }

    public Verification verify(TenantId tenant) {
        return database.inTenant(tenant, db -> db.sql("""
                        select first_broken_seq, problem, entries, last_seq, head_seq from audit_log_verification()""")
                .query((rs, n) -> new Verification(rs.getObject(1, Long.class), rs.getString(2), rs.getLong(3),
                        rs.getObject(4, Long.class), rs.getObject(5, Long.class)))
                .single());
    }

    private static Actor currentActor() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof Caller caller) {
            return new Actor(caller.isPlatformOperator() ? "platform_operator" : caller.actorType(), caller.actorId());
        }
        if (authentication != null && authentication.getPrincipal() instanceof Invitee invitee) {
            return new Actor("user", invitee.subject());
        }
        return new Actor("system", null);
    }

    private static String sourceAddress() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes request) {
            return request.getRequest().getRemoteAddr();
        }
        return null;
    }

    private record Actor(String type, String id) {
    }
}
