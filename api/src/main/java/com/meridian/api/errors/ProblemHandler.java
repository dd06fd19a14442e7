package com.meridian.api.errors;

import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import jakarta.validation.ConstraintViolationException;

/**
 * The one place where failures become RFC 9457 problem documents with a stable {@code code}. Nothing
 * internal (stack traces, SQL, class names) reaches the caller; unexpected failures are logged with the
 * request id the caller also receives.
 */
@RestControllerAdvice
public class ProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

    @ExceptionHandler(ApiException.class)
    ResponseEntity<ProblemDetail> apiException(ApiException failure) {
        return respond(ProblemResponses.of(failure.code(), failure.getMessage()));
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ProblemDetail> accessDenied(AccessDeniedException failure) {
        return respond(ProblemResponses.of(ErrorCode.FORBIDDEN, "Your role does not allow this operation."));
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<ProblemDetail> constraintViolation(ConstraintViolationException failure) {
        List<Map<String, String>> errors = failure.getConstraintViolations().stream()
                .map(violation -> Map.of("field", lastNode(violation.getPropertyPath().toString()), "message", violation.getMessage()))
                .toList();
        return respond(ProblemResponses.invalid(errors));
    }

    private static String lastNode(String path) {
        return path.substring(path.lastIndexOf('.') + 1);
    }

    @ExceptionHandler(DuplicateKeyException.class)
    ResponseEntity<ProblemDetail> duplicate(DuplicateKeyException failure) {
        return respond(ProblemResponses.of(ErrorCode.CONFLICT, "A resource with the same identifying values already exists."));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException failure) {
        return respond(ProblemResponses.invalid(List.of(Map.of("field", failure.getName(), "message", "has an invalid value"))));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception failure) {
        log.error("unexpected failure", failure);
        return respond(ProblemResponses.of(ErrorCode.INTERNAL_ERROR, "Something went wrong on our side; quote the request id."));
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException failure,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<Map<String, String>> errors = failure.getBindingResult().getFieldErrors().stream()
                .map(error -> Map.of("field", error.getField(), "message", String.valueOf(error.getDefaultMessage())))
                .toList();
        return asObject(ProblemResponses.invalid(errors));
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException failure,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<Map<String, String>> errors = failure.getParameterValidationResults().stream()
                .flatMap(result -> result.getResolvableErrors().stream().map(error -> Map.of(
                        "field", String.valueOf(result.getMethodParameter().getParameterName()),
                        "message", String.valueOf(error.getDefaultMessage()))))
                .toList();
        return asObject(ProblemResponses.invalid(errors));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException failure,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        // the parser's message names the offending field or position, never internals worth hiding
        return asObject(ProblemResponses.of(ErrorCode.MALFORMED_REQUEST, "The request body could not be read: "
                + firstLine(failure.getMostSpecificCause().getMessage())));
    }

    @Override
    protected ResponseEntity<Object> handleNoResourceFoundException(NoResourceFoundException failure,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return asObject(ProblemResponses.of(ErrorCode.NOT_FOUND, "No such resource."));
    }

    @Override
    protected ResponseEntity<Object> handleNoHandlerFoundException(NoHandlerFoundException failure,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return asObject(ProblemResponses.of(ErrorCode.NOT_FOUND, "No such resource."));
    }

    @Override
    protected ResponseEntity<Object> handleHttpRequestMethodNotSupported(HttpRequestMethodNotSupportedException failure,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return asObject(ProblemResponses.of(ErrorCode.METHOD_NOT_ALLOWED, failure.getMethod() + " is not supported here."));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMediaTypeNotSupported(HttpMediaTypeNotSupportedException failure,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return asObject(ProblemResponses.of(ErrorCode.UNSUPPORTED_MEDIA_TYPE, "Content type " + failure.getContentType()
                + " is not supported; use one of " + failure.getSupportedMediaTypes() + "."));
    }

    @Override
    protected ResponseEntity<Object> handleMaxUploadSizeExceededException(MaxUploadSizeExceededException failure,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return asObject(ProblemResponses.of(ErrorCode.PAYLOAD_TOO_LARGE, "The upload is larger than allowed."));
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable body";
        }
        int end = message.indexOf('\n');
        return end < 0 ? message : message.substring(0, end);
    }

    private static ResponseEntity<ProblemDetail> respond(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    private static ResponseEntity<Object> asObject(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
