package com.meridian.api.operations;

import java.io.IOException;
import java.util.UUID;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import com.meridian.api.errors.ErrorCode;
import com.meridian.api.errors.ProblemResponses;
import com.meridian.api.errors.ProblemWriter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Gives every request a request id (the caller's {@code X-Request-Id} when it is sane, else a new one),
 * echoes it in the response and puts it in the logging context, so one id ties a caller's report, the
 * JSON log lines and the audit log together. Each finished request is logged once, with its status and
 * duration, while the request id and (once authenticated) the tenant are still in the logging context.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class RequestIdFilter extends OncePerRequestFilter {

    public static final String HEADER = "X-Request-Id";
    public static final String REQUEST_ID = "request_id";
    public static final String TENANT_ID = "tenant_id";

    private final ProblemWriter problems;

    public RequestIdFilter(ProblemWriter problems) {
        this.problems = problems;
    }

    private static final Logger log = LoggerFactory.getLogger(RequestIdFilter.class);
    private static final Pattern SANE_ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String requestId = requestIdOf(request);
        response.setHeader(HEADER, requestId);
        MDC.put(REQUEST_ID, requestId);
        long started = System.nanoTime();
        try {
            chain.doFilter(request, response);
        } catch (IOException | ServletException | RuntimeException failure) {
            answerUnexpected(response, failure);
        } finally {
            logCompletion(request, response, started);
            MDC.remove(REQUEST_ID);
            MDC.remove(TENANT_ID);
        }
    }

    // failures outside Spring MVC (in filters) would otherwise reach the container's error page
    private void answerUnexpected(HttpServletResponse response, Exception failure) throws IOException {
        log.error("unexpected failure", failure);
        if (!response.isCommitted()) {
            response.reset();
            response.setHeader(HEADER, MDC.get(REQUEST_ID));
            problems.write(response, ProblemResponses.of(ErrorCode.INTERNAL_ERROR,
                    "Something went wrong on our side; quote the request id."));
        }
    }

    private static void logCompletion(HttpServletRequest request, HttpServletResponse response, long started) {
        long millis = (System.nanoTime() - started) / 1_000_000;
        // probes arrive every few seconds; keep them out of the INFO log
        if (request.getRequestURI().startsWith("/actuator")) {
            log.debug("{} {} {} {} ms", request.getMethod(), request.getRequestURI(), response.getStatus(), millis);
        } else {
            log.info("{} {} {} {} ms", request.getMethod(), request.getRequestURI(), response.getStatus(), millis);
        }
    }

    private static String requestIdOf(HttpServletRequest request) {
        String given = request.getHeader(HEADER);
        // a caller-supplied id lands in logs: accept only a short, plain token
        return given != null && SANE_ID.matcher(given).matches() ? given : UUID.randomUUID().toString();
    }
}
