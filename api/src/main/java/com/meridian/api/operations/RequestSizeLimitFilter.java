package com.meridian.api.operations;

import java.io.IOException;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

import com.meridian.api.errors.ErrorCode;
import com.meridian.api.errors.ProblemResponses;
import com.meridian.api.errors.ProblemWriter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Refuses JSON bodies above a configured size with 413 before anything reads them, so one oversized request
 * cannot exhaust the heap. File uploads are not JSON and stream to disk under their own limit.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
public class RequestSizeLimitFilter extends OncePerRequestFilter {

    /** @param maxJsonBody the largest JSON request body accepted (a feed push batch must fit) */
    @ConfigurationProperties("meridian.api.limits")
    public record Limits(@DefaultValue("5MB") DataSize maxJsonBody) {
    }

    private final long maxBytes;
    private final ProblemWriter problems;

    public RequestSizeLimitFilter(Limits limits, ProblemWriter problems) {
        this.maxBytes = limits.maxJsonBody().toBytes();
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String type = request.getContentType();
        boolean json = type != null && type.toLowerCase().contains("json");
        if (json && (request.getContentLengthLong() > maxBytes || (request.getContentLengthLong() < 0 && hasBody(request)))) {
            // chunked JSON has no declared length to check up front; it is refused rather than read unbounded
            problems.write(response, ProblemResponses.of(ErrorCode.PAYLOAD_TOO_LARGE,
                    "JSON bodies are limited to " + maxBytes + " bytes and must declare Content-Length."));
            return;
        }
        chain.doFilter(request, response);
    }

    private static boolean hasBody(HttpServletRequest request) {
        return "chunked".equalsIgnoreCase(request.getHeader("Transfer-Encoding"));
    }
}
