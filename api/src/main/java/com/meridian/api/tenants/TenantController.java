package com.meridian.api.tenants;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import com.meridian.api.errors.ApiException;
import com.meridian.api.security.Caller;

/** The caller's own tenant. */
@RestController
public class TenantController {

    private final Tenants tenants;

    public TenantController(Tenants tenants) {
        this.tenants = tenants;
    }

    @GetMapping("/v1/tenant")
    public TenantProfile current(@AuthenticationPrincipal Caller caller) {
        return tenants.profile(caller.tenant()).orElseThrow(() -> ApiException.notFound("tenant"));
    }
}
