package com.meridian.api.security;

import java.util.Collection;
import java.util.List;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;

/**
 * Turns a verified OIDC token into an {@link Invitee}: any person with a subject may accept an invitation, whatever
 * tenant or role claims the token carries, except Meridian's platform operators, who never join a tenant.
 */
final class InviteeConverter implements Converter<Jwt, AbstractAuthenticationToken> {

    static final String AUTHORITY = "INVITEE";

    private final OidcProperties properties;

    InviteeConverter(OidcProperties properties) {
        this.properties = properties;
    }

    @Override
    public AbstractAuthenticationToken convert(Jwt token) {
        String subject = token.getSubject();
        if (subject == null || subject.isBlank()) {
            throw new InvalidBearerTokenException("The access token names no subject ('sub') to bind the membership to");
        }
        List<SimpleGrantedAuthority> authorities = isPlatformOperator(token) ? List.of() : List.of(new SimpleGrantedAuthority(AUTHORITY));
        return UsernamePasswordAuthenticationToken.authenticated(new Invitee(subject), null, authorities);
    }

    private boolean isPlatformOperator(Jwt token) {
        Object claim = token.getClaim(properties.roleClaim());
        Collection<?> values = claim instanceof Collection<?> list ? list : claim == null ? List.of() : List.of(claim);
        return values.stream().anyMatch(value -> Role.PLATFORM_OPERATOR.name().equalsIgnoreCase(value.toString()));
    }
}
