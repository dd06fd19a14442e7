package com.meridian.api.security;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.web.filter.OncePerRequestFilter;

import com.meridian.api.security.Caller;
import com.meridian.api.apikeys.ApiKeys;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Authenticates {@code Authorization: Bearer mk_...} (or {@code X-Api-Key}) headers. Other bearer tokens are
 * left to the OIDC resource server. A request without a key passes through unauthenticated (the authorization
 * rules decide); a request with a bad key is answered 401 at once, so a typo is never mistaken for anonymous
 * access.
 */
final class ApiKeyAuthenticationFilter extends OncePerRequestFilter {

    private static final String BEARER = "Bearer ";

    private final ApiKeys apiKeys;
    private final AuthenticationEntryPoint entryPoint;

    ApiKeyAuthenticationFilter(ApiKeys apiKeys, AuthenticationEntryPoint entryPoint) {
        this.apiKeys = apiKeys;
        this.entryPoint = entryPoint;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<String> presented = presentedKey(request);
        if (presented.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        Optional<Caller> principal = apiKeys.authenticate(presented.get());
        if (principal.isEmpty()) {
            entryPoint.commence(request, response, new BadCredentialsException("invalid, revoked or expired API key"));
            return;
        }
        authenticate(principal.get());
        chain.doFilter(request, response);
    }

    private static void authenticate(Caller principal) {
        var authority = new SimpleGrantedAuthority(principal.role().authority());
        var authentication = UsernamePasswordAuthenticationToken.authenticated(principal, null, List.of(authority));
        SecurityContextHolder.getContext().setAuthentication(authentication);
    }

    private static Optional<String> presentedKey(HttpServletRequest request) {
        String authorization = request.getHeader("Authorization");
        if (authorization != null && authorization.startsWith(BEARER + ApiKeys.PREFIX)) {
            return Optional.of(authorization.substring(BEARER.length()).trim());
        }
        return Optional.ofNullable(request.getHeader("X-Api-Key"));
    }
}
