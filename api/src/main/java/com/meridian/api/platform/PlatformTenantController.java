package com.meridian.api.platform;

import java.util.Map;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import com.meridian.api.apikeys.ApiKeys;
import com.meridian.api.apikeys.IssuedApiKey;
import com.meridian.api.audit.AuditTrail;
import com.meridian.api.errors.ApiException;
import com.meridian.api.security.Role;
import com.meridian.api.tenants.TenantProfile;
import com.meridian.api.tenants.Tenants;
import com.meridian.tenancy.TenantId;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Cross-tenant operations of Meridian's platform operators (only reachable with the PLATFORM_OPERATOR role):
 * onboarding, suspension and reactivation. Every action lands in the affected tenant's audit log.
 */
@RestController
public class PlatformTenantController {

    private final Tenants tenants;
    private final ApiKeys apiKeys;
    private final AuditTrail audit;

    public PlatformTenantController(Tenants tenants, ApiKeys apiKeys, AuditTrail audit) {
        this.tenants = tenants;
        this.apiKeys = apiKeys;
        this.audit = audit;
    }

    public record OnboardTenant(@NotBlank @Pattern(regexp = "[a-z0-9][a-z0-9-]{1,62}") String slug,
            @NotBlank @Size(max = 200) String name, @NotBlank @Email String ownerEmail,
            @Pattern(regexp = "[a-z][a-z0-9_-]{1,39}") String plan) {
    }

    /** The onboarding result; {@code ownerApiKey} is present only on the call that created the tenant. */
    public record OnboardedTenant(UUID tenantId, boolean created, String ownerApiKey) {
    }

    public record Suspension(@NotBlank @Size(max = 500) String reason) {
    }

    /** One idempotent call: tenant, owner, default plan and the owner's first API key. */
    @PostMapping("/v1/platform/tenants")
    public ResponseEntity<OnboardedTenant> onboard(@Valid @RequestBody OnboardTenant request) {
        Tenants.Onboarding onboarding = tenants.onboard(request.slug(), request.name(), request.ownerEmail(),
                request.plan() == null ? "free" : request.plan());
        if (!onboarding.created()) {
            return ResponseEntity.ok(new OnboardedTenant(onboarding.tenant().value(), false, null));
        }
        IssuedApiKey key = apiKeys.issue(onboarding.tenant(), "first owner key", Role.OWNER);
        audit.record(onboarding.tenant(), "tenant.onboarded", "tenant", onboarding.tenant().toString(),
                Map.of("slug", request.slug(), "ownerApiKey", key.prefix()));
        return ResponseEntity.status(HttpStatus.CREATED).body(new OnboardedTenant(onboarding.tenant().value(), true, key.plaintext()));
    }

    @GetMapping("/v1/platform/tenants/{tenantId}")
    public TenantProfile tenant(@PathVariable UUID tenantId) {
        return tenants.profile(new TenantId(tenantId)).orElseThrow(() -> ApiException.notFound("tenant"));
    }

    @PostMapping("/v1/platform/tenants/{tenantId}/suspension")
    public TenantProfile suspend(@PathVariable UUID tenantId, @Valid @RequestBody Suspension request) {
        TenantId tenant = new TenantId(tenantId);
        if (!tenants.suspend(tenant, request.reason())) {
            throw ApiException.notFound("tenant");
        }
        audit.record(tenant, "tenant.suspended", "tenant", tenant.toString(), Map.of("reason", request.reason()));
        return tenant(tenantId);
    }

    @DeleteMapping("/v1/platform/tenants/{tenantId}/suspension")
    public TenantProfile reactivate(@PathVariable UUID tenantId) {
        TenantId tenant = new TenantId(tenantId);
        if (!tenants.reactivate(tenant)) {
            throw ApiException.notFound("tenant");
        }
        audit.record(tenant, "tenant.reactivated", "tenant", tenant.toString(), Map.of());
        return tenant(tenantId);
    }
}
