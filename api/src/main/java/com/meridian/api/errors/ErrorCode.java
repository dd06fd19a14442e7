package com.meridian.api.errors;

import org.springframework.http.HttpStatus;

/**
 * Every failure the API reports, with its HTTP status. The names are a public contract: clients branch on
 * {@code code} in the problem document, so a code is never renamed or reused for another meaning.
 */
public enum ErrorCode {
    UNAUTHENTICATED(HttpStatus.UNAUTHORIZED, "Unauthenticated"),
    FORBIDDEN(HttpStatus.FORBIDDEN, "Forbidden"),
    TENANT_SUSPENDED(HttpStatus.FORBIDDEN, "Tenant suspended"),
    NOT_FOUND(HttpStatus.NOT_FOUND, "Not found"),
    METHOD_NOT_ALLOWED(HttpStatus.METHOD_NOT_ALLOWED, "Method not allowed"),
    VALIDATION_FAILED(HttpStatus.BAD_REQUEST, "Validation failed"),
    MALFORMED_REQUEST(HttpStatus.BAD_REQUEST, "Malformed request"),
    CONFLICT(HttpStatus.CONFLICT, "Conflict"),
    INVITATION_UNUSABLE(HttpStatus.GONE, "Invitation expired, revoked or already used"),
    MEMBERSHIP_CONFLICT(HttpStatus.CONFLICT, "Membership belongs to another sign-in"),
    PAYLOAD_TOO_LARGE(HttpStatus.CONTENT_TOO_LARGE, "Payload too large"),
    UNSUPPORTED_MEDIA_TYPE(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported media type"),
    RATE_LIMITED(HttpStatus.TOO_MANY_REQUESTS, "Rate limit exceeded"),
    INTERNAL_ERROR(HttpStatus.INTERNAL_SERVER_ERROR, "Internal error");

    private final HttpStatus status;
    private final String title;

    ErrorCode(HttpStatus status, String title) {
        this.status = status;
        this.title = title;
    }

    public HttpStatus status() {
        return status;
    }

    public String title() {
        return title;
    }
}
