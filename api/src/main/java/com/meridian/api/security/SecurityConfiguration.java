package com.meridian.api.security;

import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Stream;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

import com.meridian.api.apikeys.ApiKeys;
import com.meridian.api.errors.ProblemWriter;
import com.meridian.api.invitations.Members;
import com.meridian.api.ratelimit.RateLimitFilter;
import com.meridian.api.ratelimit.RateLimitProperties;
import com.meridian.api.ratelimit.TenantRateLimiter;
import com.meridian.api.tenants.TenantStatusFilter;
import com.meridian.api.tenants.Tenants;

/**
 * Stateless API security. Machines present API keys, people present OIDC access tokens (when an issuer is
 * configured); both become a {@link Caller}. Probes and metrics are open (they carry no tenant data);
 * {@code /v1/platform} is for platform operators only; the rest of {@code /v1} is for tenant roles, as the rules
 * below say. Roles are checked here, by URL, so that a forbidden caller learns nothing from validation errors;
 * controllers repeat finer checks with {@code @PreAuthorize}.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
public class SecurityConfiguration {

    /**
     * Accepting an invitation: the invitee is a person signed in with the identity provider but not yet a member,
     * so this endpoint has a chain of its own that takes any verified OIDC token (never an API key) and binds the
     * membership to its subject.
     */
    @Bean
    @Order(1)
    SecurityFilterChain invitationAcceptance(HttpSecurity http, ProblemWriter problems,
            ObjectProvider<JwtDecoder> jwtDecoder, OidcProperties oidc) throws Exception {
        var entryPoint = new ProblemAuthenticationEntryPoint(problems);
        hardened(http.securityMatcher(INVITATION_ACCEPTANCES), entryPoint)
                .authorizeHttpRequests(requests -> requests.anyRequest().hasAuthority(InviteeConverter.AUTHORITY));
        JwtDecoder decoder = jwtDecoder.getIfAvailable();
        if (decoder != null) {
            http.oauth2ResourceServer(server -> server
                    .authenticationEntryPoint(entryPoint)
                    .jwt(jwt -> jwt.decoder(decoder).jwtAuthenticationConverter(new InviteeConverter(oidc))));
        }
        return http.build();
    }

    @Bean
    SecurityFilterChain api(HttpSecurity http, ApiKeys apiKeys, ProblemWriter problems, TenantRateLimiter limiter,
            RateLimitProperties rateLimits, Tenants tenants, ObjectProvider<JwtDecoder> jwtDecoder, OidcProperties oidc,
            Members members) throws Exception {
        var entryPoint = new ProblemAuthenticationEntryPoint(problems);
        hardened(http, entryPoint)
                .addFilterBefore(new ApiKeyAuthenticationFilter(apiKeys, entryPoint), AnonymousAuthenticationFilter.class)
                .addFilterAfter(new TenantStatusFilter(tenants, problems), AnonymousAuthenticationFilter.class)
                .addFilterAfter(new RateLimitFilter(limiter, rateLimits, problems), TenantStatusFilter.class)
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/actuator/health/**", "/actuator/health", "/actuator/info", "/actuator/prometheus").permitAll()
                        .requestMatchers("/v3/api-docs", "/v3/api-docs.yaml").permitAll()
                        .requestMatchers("/v1/platform/**").hasRole(Role.PLATFORM_OPERATOR.name())
                        // who may do what, decided before any request body is read (PermissionMatrixIT checks it)
                        .requestMatchers(HttpMethod.POST, "/v1/feeds/**").hasAnyRole(roles(MANAGERS, Role.INTEGRATION))
                        .requestMatchers(HttpMethod.GET, "/v1/jobs/**", "/v1/tenant").hasAnyRole(roles(READERS, Role.INTEGRATION))
                        .requestMatchers("/v1/api-keys/**", "/v1/audit/**", "/v1/invitations/**", "/v1/tenant/correction-sharing")
                                .hasAnyRole(roles(MANAGERS))
                        .requestMatchers(HttpMethod.POST, "/v1/imports", "/v1/exports", "/v1/exports/**")
                                .hasAnyRole(roles(MANAGERS, Role.ANALYST))
                        .requestMatchers(HttpMethod.DELETE, "/v1/exports/**").hasAnyRole(roles(MANAGERS, Role.ANALYST))
                        .requestMatchers(HttpMethod.POST, "/v1/transactions/*/correction").hasAnyRole(roles(MANAGERS, Role.ANALYST))
                        .requestMatchers(HttpMethod.GET, "/v1/**").hasAnyRole(roles(READERS))
                        .requestMatchers("/v1/**").hasAnyRole(roles(MANAGERS))
                        .anyRequest().denyAll());
        JwtDecoder decoder = jwtDecoder.getIfAvailable();
        if (decoder != null) {
            http.oauth2ResourceServer(server -> server
                    .bearerTokenResolver(tokensThatAreNotApiKeys())
                    .authenticationEntryPoint(entryPoint)
                    .jwt(jwt -> jwt.decoder(decoder).jwtAuthenticationConverter(new JwtCallerConverter(oidc, members))));
        }
        return http.build();
    }

    private static HttpSecurity hardened(HttpSecurity http, ProblemAuthenticationEntryPoint entryPoint) throws Exception {
        return http.csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .httpBasic(basic -> basic.disable())
                .formLogin(form -> form.disable())
                .cors(cors -> cors.disable())
                .exceptionHandling(errors -> errors.authenticationEntryPoint(entryPoint).accessDeniedHandler(entryPoint))
                .headers(headers -> headers
                        .httpStrictTransportSecurity(hsts -> hsts.includeSubDomains(true).maxAgeInSeconds(31_536_000))
                        .contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'none'; frame-ancestors 'none'"))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER))
                        .frameOptions(frames -> frames.deny()));
    }

    private static final String INVITATION_ACCEPTANCES = "/v1/invitation-acceptances";

    private static final Set<Role> MANAGERS = EnumSet.of(Role.OWNER, Role.ADMIN);
    private static final Set<Role> READERS = EnumSet.of(Role.OWNER, Role.ADMIN, Role.ANALYST, Role.VIEWER);

    private static String[] roles(Set<Role> roles, Role... more) {
        return Stream.concat(roles.stream(), Stream.of(more)).map(Role::name).toArray(String[]::new);
    }

    private static BearerTokenResolver tokensThatAreNotApiKeys() {
        DefaultBearerTokenResolver standard = new DefaultBearerTokenResolver();
        return request -> {
            String token = standard.resolve(request);
            return token == null || token.startsWith(ApiKeys.PREFIX) ? null : token;
        };
    }
}
