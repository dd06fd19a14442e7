package com.meridian.api.apikeys;

import com.meridian.api.security.Caller;
import com.meridian.api.security.Role;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import com.meridian.api.audit.AuditTrail;
import com.meridian.api.errors.ApiException;
import com.meridian.api.errors.ErrorCode;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * API key management for a tenant's owners and admins. An admin cannot mint an owner key: a key never
 * carries more power than the caller who created it.
 */
@RestController
@PreAuthorize("hasAnyRole('OWNER', 'ADMIN')")
public class ApiKeyController {

    private static final Duration ROTATION_GRACE = Duration.ofHours(24);

    private final ApiKeys apiKeys;
    private final AuditTrail audit;

    public ApiKeyController(ApiKeys apiKeys, AuditTrail audit) {
        this.apiKeys = apiKeys;
        this.audit = audit;
    }

    public record CreateKey(@NotBlank @Size(max = 100) String name, @NotNull Role role) {
    }

    @PostMapping("/v1/api-keys")
    @ResponseStatus(HttpStatus.CREATED)
    public IssuedApiKeyResponse create(@AuthenticationPrincipal Caller caller, @Valid @RequestBody CreateKey request) {
        if (request.role() == Role.OWNER && caller.role() != Role.OWNER) {
            throw new ApiException(ErrorCode.FORBIDDEN, "Only an owner can create an owner key.");
        }
        IssuedApiKey key = apiKeys.issue(caller.tenant(), request.name(), request.role());
        audit.record(caller.tenant(), "api_key.created", "api_key", key.keyId().toString(), Map.of("role", key.role().name()));
        return IssuedApiKeyResponse.of(key);
    }

    @GetMapping("/v1/api-keys")
    public List<ApiKeySummary> list(@AuthenticationPrincipal Caller caller) {
        return apiKeys.list(caller.tenant());
    }

    @PostMapping("/v1/api-keys/{keyId}/rotation")
    @ResponseStatus(HttpStatus.CREATED)
    public IssuedApiKeyResponse rotate(@AuthenticationPrincipal Caller caller, @PathVariable UUID keyId) {
        IssuedApiKey successor = apiKeys.rotate(caller.tenant(), keyId, ROTATION_GRACE)
                .orElseThrow(() -> ApiException.notFound("API key"));
        audit.record(caller.tenant(), "api_key.rotated", "api_key", keyId.toString(),
                Map.of("successor", successor.keyId().toString(), "graceSeconds", ROTATION_GRACE.toSeconds()));
        return IssuedApiKeyResponse.of(successor);
    }

    @DeleteMapping("/v1/api-keys/{keyId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public void revoke(@AuthenticationPrincipal Caller caller, @PathVariable UUID keyId) {
        if (!apiKeys.revoke(caller.tenant(), keyId)) {
            throw ApiException.notFound("API key");
        }
        audit.record(caller.tenant(), "api_key.revoked", "api_key", keyId.toString(), Map.of());
    }

    /** The one response that ever contains a key's secret. */
    public record IssuedApiKeyResponse(UUID keyId, String prefix, String key, Role role) {
        static IssuedApiKeyResponse of(IssuedApiKey issued) {
            return new IssuedApiKeyResponse(issued.keyId(), issued.prefix(), issued.plaintext(), issued.role());
        }
    }
}
