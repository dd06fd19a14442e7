package com.meridian.api.errors;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.slf4j.MDC;
import org.springframework.http.ProblemDetail;

import com.meridian.api.operations.RequestIdFilter;

/** Builds the one problem document shape of the API: type, title, status, detail, code, request id. */
public final class ProblemResponses {

    private static final String TYPE_BASE = "https://meridian.dev/problems/";

    private ProblemResponses() {
    }

    public static ProblemDetail of(ErrorCode code, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(code.status(), detail);
        problem.setType(URI.create(TYPE_BASE + code.name().toLowerCase(Locale.ROOT).replace('_', '-')));
        problem.setTitle(code.title());
        problem.setProperty("code", code.name());
        String requestId = MDC.get(RequestIdFilter.REQUEST_ID);
        if (requestId != null) {
            problem.setProperty("requestId", requestId);
        }
        return problem;
    }

    /** A validation problem with one entry per rejected field. */
    public static ProblemDetail invalid(List<Map<String, String>> fieldErrors) {
        ProblemDetail problem = of(ErrorCode.VALIDATION_FAILED, "The request has " + fieldErrors.size() + " invalid field(s).");
        problem.setProperty("errors", fieldErrors);
        return problem;
    }
}
