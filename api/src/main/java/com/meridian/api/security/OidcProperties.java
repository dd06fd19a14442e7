package com.meridian.api.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How people's OIDC access tokens map to Meridian callers. The token itself is verified by Spring Security's
 * resource server ({@code spring.security.oauth2.resourceserver.jwt.issuer-uri}, {@code jwk-set-uri} or
 * {@code public-key-location}); when none is configured, only API keys are accepted.
 *
 * @param tenantClaim the claim holding the Meridian tenant id the user belongs to
 * @param roleClaim   the claim holding the user's role (a string, or a list whose first known role counts)
 */
@ConfigurationProperties("meridian.oidc")
public record OidcProperties(@DefaultValue("meridian_tenant") String tenantClaim,
        @DefaultValue("meridian_role") String roleClaim) {
}
