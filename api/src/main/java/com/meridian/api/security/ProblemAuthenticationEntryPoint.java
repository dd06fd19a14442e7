package com.meridian.api.security;

import java.io.IOException;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

import com.meridian.api.errors.ErrorCode;
import com.meridian.api.errors.ProblemResponses;
import com.meridian.api.errors.ProblemWriter;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** Answers unauthenticated (401) and unauthorized (403) requests with problem documents. */
final class ProblemAuthenticationEntryPoint implements AuthenticationEntryPoint, AccessDeniedHandler {

    private final ProblemWriter problems;

    ProblemAuthenticationEntryPoint(ProblemWriter problems) {
        this.problems = problems;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
            throws IOException {
        response.setHeader("WWW-Authenticate", "Bearer");
        problems.write(response, ProblemResponses.of(ErrorCode.UNAUTHENTICATED,
                "Send a valid API key or access token as 'Authorization: Bearer <credential>'."));
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
            throws IOException {
        problems.write(response, ProblemResponses.of(ErrorCode.FORBIDDEN, "Your role does not allow this operation."));
    }
}
