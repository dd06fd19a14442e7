package com.meridian.api.tenants;

import java.io.IOException;
import java.util.Set;

import org.slf4j.MDC;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import com.meridian.api.errors.ApiException;
import com.meridian.api.errors.ErrorCode;
import com.meridian.api.errors.ProblemResponses;
import com.meridian.api.errors.ProblemWriter;
import com.meridian.api.operations.RequestIdFilter;
import com.meridian.api.security.Caller;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Runs after authentication: puts the caller's tenant into the logging context, and refuses every write of a
 * suspended tenant (feed pushes, job launches, changes) with 403 {@code TENANT_SUSPENDED} and the reason.
 * Reads stay open, so a suspended tenant can still see and export its data.
 */
public class TenantStatusFilter extends OncePerRequestFilter {

    private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS");

    private final Tenants tenants;
    private final ProblemWriter problems;

    public TenantStatusFilter(Tenants tenants, ProblemWriter problems) {
        this.tenants = tenants;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !(authentication.getPrincipal() instanceof Caller caller) || caller.tenant() == null) {
            chain.doFilter(request, response);
            return;
        }
        MDC.put(RequestIdFilter.TENANT_ID, caller.tenant().toString());
        if (READS.contains(request.getMethod())) {
            chain.doFilter(request, response);
            return;
        }
        Tenants.TenantStatus status = tenants.status(caller.tenant());
        if (status.suspended()) {
            ApiException refusal = new ApiException(ErrorCode.TENANT_SUSPENDED,
                    "This tenant is suspended (" + status.reason() + "); its data is kept and can be read, "
                            + "but nothing can be added or changed until it is reactivated.");
            problems.write(response, ProblemResponses.of(refusal.code(), refusal.getMessage()));
            return;
        }
        chain.doFilter(request, response);
    }
}
