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

import com.meridian.api.invitations.Members;
import com.meridian.tenancy.TenantId;

/**
 * Turns a verified OIDC access token into a {@link Caller}. Every role but {@code PLATFORM_OPERATOR} needs a valid
 * tenant claim. A person who accepted an invitation to that tenant is a bound member: their token's subject is the
 * one the membership was bound to, and the membership decides (its role; a disabled member is refused), whatever
 * the role claim says. Anyone else needs a role claim naming a role people can hold: a token from another subject
 * is never taken for a bound member, even with the same tenant and role claims. Anything else is an invalid token
 * (401), never a caller with guessed rights.
 */
final class JwtCallerConverter implements Converter<Jwt, AbstractAuthenticationToken> {

    private final OidcProperties properties;
    private final Members members;

    JwtCallerConverter(OidcProperties properties, Members members) {
        this.properties = properties;
        this.members = members;
    }

    @Override
    public AbstractAuthenticationToken convert(Jwt token) {
        Optional<Role> claimed = roleOf(token);
        Role role;
        TenantId tenant = null;
        if (claimed.isPresent() && claimed.get() == Role.PLATFORM_OPERATOR) {
            role = Role.PLATFORM_OPERATOR;
        } else {
            tenant = tenantOf(token);
            role = roleIn(tenant, token, claimed);
        }
        Caller caller = new Caller(tenant, role, "user", token.getSubject());
        return UsernamePasswordAuthenticationToken.authenticated(caller, null, List.of(new SimpleGrantedAuthority(role.authority())));
    }

    private Role roleIn(TenantId tenant, Jwt token, Optional<Role> claimed) {
        Optional<Members.Member> member = token.getSubject() == null ? Optional.empty() : members.boundTo(tenant, token.getSubject());
        if (member.isPresent()) {
            if (!member.get().active()) {
                throw invalid("the membership of this sign-in in the tenant is disabled");
            }
            return member.get().role();
        }
        return claimed.orElseThrow(() -> invalid("no Meridian role in claim '" + properties.roleClaim()
                + "' and this sign-in has accepted no invitation to the tenant"));
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
