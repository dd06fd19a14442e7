package com.meridian.api.tenants;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import com.meridian.api.audit.AuditTrail;
import com.meridian.api.security.Caller;
import com.meridian.categorizer.corrections.TrainingCorrections;
import com.meridian.tenancy.TenantDatabase;
import com.meridian.tenancy.TenantId;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

/**
 * Whether the tenant's category corrections may train Meridian's common model, which scores every tenant's
 * transactions. Off until the tenant's owner or an admin opts in (V11, {@link TrainingCorrections}); opting out
 * stops any correction not yet used from being exported for training. Every change is audited.
 */
@RestController
@PreAuthorize("hasAnyRole('OWNER', 'ADMIN')")
public class CorrectionSharingController {

    private final TenantDatabase database;
    private final TrainingCorrections corrections;
    private final AuditTrail audit;

    public CorrectionSharingController(TenantDatabase database, TrainingCorrections corrections, AuditTrail audit) {
        this.database = database;
        this.corrections = corrections;
        this.audit = audit;
    }

    /**
     * @param shareCorrectionsForTraining whether the tenant's corrections may train the common model
     * @param changedAt                   when the choice was last made; null while it is the default (off)
     */
    public record CorrectionSharing(boolean shareCorrectionsForTraining, OffsetDateTime changedAt) {
    }

    public record CorrectionSharingChoice(@NotNull Boolean shareCorrectionsForTraining) {
    }

    @GetMapping("/v1/tenant/correction-sharing")
    public CorrectionSharing correctionSharing(@AuthenticationPrincipal Caller caller) {
        return read(caller.tenant());
    }

    @PutMapping("/v1/tenant/correction-sharing")
    public CorrectionSharing chooseCorrectionSharing(@AuthenticationPrincipal Caller caller, @Valid @RequestBody CorrectionSharingChoice choice) {
        boolean before = corrections.sharing(caller.tenant());
        UUID actor = UUID.nameUUIDFromBytes((caller.actorType() + ":" + caller.actorId()).getBytes(StandardCharsets.UTF_8));
        corrections.setSharing(caller.tenant(), choice.shareCorrectionsForTraining(), actor);
        audit.record(caller.tenant(), "tenant.correction_sharing_changed", "tenant", caller.tenant().toString(),
                Map.of("shareCorrectionsForTraining", choice.shareCorrectionsForTraining(), "before", before));
        return read(caller.tenant());
    }

    private CorrectionSharing read(TenantId tenant) {
        return database.inTenant(tenant, db -> db.sql("select share_corrections_for_training, share_corrections_changed_at from tenants")
                .query((rs, n) -> new CorrectionSharing(rs.getBoolean(1), rs.getObject(2, OffsetDateTime.class)))
                .single());
    }
}
