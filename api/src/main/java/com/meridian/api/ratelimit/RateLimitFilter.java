package com.meridian.api.ratelimit;

import java.io.IOException;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import com.meridian.api.security.Caller;
import com.meridian.api.errors.ErrorCode;
import com.meridian.api.errors.ProblemResponses;
import com.meridian.api.errors.ProblemWriter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Applies the tenant's plan limit to every authenticated request. Every answer carries {@code RateLimit-Limit},
 * {@code RateLimit-Remaining} and {@code RateLimit-Reset}; a refused one is a 429 problem with {@code Retry-After}.
 */
public class RateLimitFilter extends OncePerRequestFilter {

    private final TenantRateLimiter limiter;
    private final boolean enabled;
    private final ProblemWriter problems;

    public RateLimitFilter(TenantRateLimiter limiter, RateLimitProperties properties, ProblemWriter problems) {
        this.limiter = limiter;
        this.enabled = properties.enabled();
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (!enabled || authentication == null || !(authentication.getPrincipal() instanceof Caller caller)
                || caller.tenant() == null) {
            chain.doFilter(request, response);
            return;
        }
        TenantRateLimiter.Decision decision = limiter.tryAcquire(caller.tenant());
        long resetSeconds = Math.max(1, (decision.retryAfter().toMillis() + 999) / 1000);
        response.setHeader("RateLimit-Limit", Long.toString(decision.limit()));
        response.setHeader("RateLimit-Remaining", Long.toString(decision.remaining()));
        response.setHeader("RateLimit-Reset", Long.toString(resetSeconds));
        if (decision.allowed()) {
            chain.doFilter(request, response);
            return;
        }
        response.setHeader("Retry-After", Long.toString(resetSeconds));
        problems.write(response, ProblemResponses.of(ErrorCode.RATE_LIMITED,
                "Your plan allows " + decision.limit() + " requests per minute; retry after " + resetSeconds + " s."));
    }
}
