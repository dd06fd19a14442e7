package com.meridian.api.security;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;

import com.meridian.tenancy.TenantId;

/**
 * Turns a verified OIDC access token into a {@link Caller}: the role claim must name a role people can hold,
 * and every role but {@code PLATFORM_OPERATOR} needs a valid tenant claim. Anything else is an invalid token
 * (401), never a caller with guessed rights.
 */
final class JwtCallerConverter implements Converter<Jwt, AbstractAuthenticationToken> {

    private final OidcProperties properties;

    JwtCallerConverter(OidcProperties properties) {
        this.properties = properties;
    }

    @Override
    public AbstractAuthenticationToken convert(Jwt token) {
        Role role = roleOf(token).orElseThrow(() -> invalid("no Meridian role in claim '" + properties.roleClaim() + "'"));
        TenantId tenant = role == Role.PLATFORM_OPERATOR ? null : tenantOf(token);
        Caller caller = new Caller(tenant, role, "user", token.getSubject());
        return UsernamePasswordAuthenticationToken.authenticated(caller, null, List.of(new SimpleGrantedAuthority(role.authority())));
    }

    private Optional<Role> roleOf(Jwt token) {
        Object claim = token.getClaim(properties.roleClaim());
        Collection<?> values = claim instanceof Collection<?> list ? list : claim == null ? List.of() : List.of(claim);
        return values.stream().map(value -> value.toString().toUpperCase(Locale.ROOT))
                .filter(JwtCallerConverter::isPersonRole).map(Role::valueOf).findFirst();
    }

    // machines authenticate with API keys; a token claiming the integration role is not accepted
    private static boolean isPersonRole(String value) {
        return List.of("OWNER", "ADMIN", "ANALYST", "VIEWER", "PLATFORM_OPERATOR").contains(value);
    }

    private TenantId tenantOf(Jwt token) {
        String claim = token.getClaimAsString(properties.tenantClaim());
        try {
            return TenantId.of(claim);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw invalid("no valid tenant id in claim '" + properties.tenantClaim() + "'");
        }
    }

    private static InvalidBearerTokenException invalid(String reason) {
        return new InvalidBearerTokenException("The access token is not valid for Meridian: " + reason);
    }
}
