package com.meridian.api.audit;

import java.time.OffsetDateTime;
import java.util.List;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.meridian.api.security.Caller;
import com.meridian.tenancy.TenantDatabase;

/** The tenant's audit log, for owners and admins: entries, and a verification of the hash chain. */
@RestController
@PreAuthorize("hasAnyRole('OWNER', 'ADMIN')")
public class AuditController {

    private final AuditTrail trail;
    private final TenantDatabase database;

    public AuditController(AuditTrail trail, TenantDatabase database) {
        this.trail = trail;
        this.database = database;
    }

    public record AuditEntry(long seq, OffsetDateTime occurredAt, String actorType, String actorId, String action,
            String targetType, String targetId, String requestId, String sourceAddress) {
    }

    /**
     * @param intact         whether every entry verifies and the chain reaches its head
     * @param firstBrokenSeq the first entry that is changed or missing (inside the chain or at its end)
     * @param problem        why the chain does not verify, e.g. "entries missing at the end of the chain"
     * @param entries        entries present
     * @param headSeq        how many entries the tenant's chain has had appended, by its head
     */
    public record ChainVerification(boolean intact, Long firstBrokenSeq, String problem, long entries, Long headSeq) {
    }

    @GetMapping("/v1/audit")
    public List<AuditEntry> entries(@AuthenticationPrincipal Caller caller,
            @RequestParam(defaultValue = "9223372036854775807") long before, @RequestParam(defaultValue = "100") int limit) {
        int pageSize = Math.max(1, Math.min(limit, 500));
        return database.inTenant(caller.tenant(), db -> db.sql("""
                        select seq, occurred_at, actor_type, actor_id, action, target_type, target_id, request_id,
                               host(source_address)
                        from audit_log where seq < ? order by seq desc limit ?""")
                .params(before, pageSize)
                .query((rs, n) -> new AuditEntry(rs.getLong(1), rs.getObject(2, OffsetDateTime.class), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9)))
                .list());
    }

    @GetMapping("/v1/audit/verification")
    public ChainVerification verify(@AuthenticationPrincipal Caller caller) {
        AuditTrail.Verification verdict = trail.verify(caller.tenant());
        return new ChainVerification(verdict.problem() == null, verdict.firstBrokenSeq(), verdict.problem(),
                verdict.entries(), verdict.headSeq());
    }
}
