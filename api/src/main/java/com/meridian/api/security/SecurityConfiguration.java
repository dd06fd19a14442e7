package com.meridian.api.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;

import com.meridian.api.apikeys.ApiKeys;
import com.meridian.api.errors.ProblemWriter;
import com.meridian.api.ratelimit.RateLimitFilter;
import com.meridian.api.ratelimit.RateLimitProperties;
import com.meridian.api.ratelimit.TenantRateLimiter;

/**
 * Stateless API security: probes and metrics are open (they carry no tenant data), everything under
 * {@code /v1} needs an authenticated key.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
public class SecurityConfiguration {

    @Bean
    SecurityFilterChain api(HttpSecurity http, ApiKeys apiKeys, ProblemWriter problems, TenantRateLimiter limiter,
            RateLimitProperties rateLimits) throws Exception {
        var entryPoint = new ProblemAuthenticationEntryPoint(problems);
        return http
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .httpBasic(basic -> basic.disable())
                .formLogin(form -> form.disable())
                .exceptionHandling(errors -> errors.authenticationEntryPoint(entryPoint).accessDeniedHandler(entryPoint))
                .headers(headers -> headers
                        .httpStrictTransportSecurity(hsts -> hsts.includeSubDomains(true).maxAgeInSeconds(31_536_000))
                        .contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'none'; frame-ancestors 'none'"))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER))
                        .frameOptions(frames -> frames.deny()))
                .cors(cors -> cors.disable())
                .addFilterBefore(new ApiKeyAuthenticationFilter(apiKeys, entryPoint), AnonymousAuthenticationFilter.class)
                .addFilterAfter(new RateLimitFilter(limiter, rateLimits, problems), AnonymousAuthenticationFilter.class)
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/actuator/health/**", "/actuator/health", "/actuator/info", "/actuator/prometheus").permitAll()
                        .requestMatchers("/v1/**").authenticated()
                        .anyRequest().denyAll())
                .build();
    }
}
