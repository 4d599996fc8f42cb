package io.skyx.api.web;

import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/** Renders every refused request in the one error shape; nothing else leaks (no stack traces, no internals). */
@RestControllerAdvice
class ApiErrorHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiErrorHandler.class);

    /** How deep a cause chain is searched (a chain that loops back on itself ends here). */
    private static final int MAX_CAUSES = 16;

    private final List<ErrorTranslator> translators;

    ApiErrorHandler(List<ErrorTranslator> translators) {
        this.translators = List.copyOf(translators);
    }

    @ExceptionHandler(ApiException.class)
    ResponseEntity<ApiError> api(ApiException e) {
        return body(e.code(), e.getMessage(), e.field());
    }

    /**
     * The API error that {@code e} or one of its causes stands for: an {@link ApiException}, or what a feature's
     * {@link ErrorTranslator} makes of its own exception; null when none does.
     */
    ApiException known(Throwable e) {
        int depth = 0;
        for (Throwable t = e; t != null && depth < MAX_CAUSES; t = t.getCause(), depth++) {
            if (t instanceof ApiException a) {
                return a;
            }
            for (ErrorTranslator translator : translators) {
                ApiException a = translator.translate(t);
                if (a != null) {
                    return a;
                }
            }
        }
        return null;
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ApiError> unreadable(HttpMessageNotReadableException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof BodySizeLimitFilter.PayloadTooLargeException p) {
                return body(ErrorCode.PAYLOAD_TOO_LARGE, p.getMessage(), null);
            }
        }
        ApiException known = known(e);
        if (known != null) {
            return api(known);
        }
        if (e.getMessage() != null && e.getMessage().startsWith("Required request body is missing")) {
            return body(ErrorCode.MALFORMED_JSON, "request body is missing", null);
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof JacksonException j) {
                return strictJson(j);
            }
        }
        return body(ErrorCode.MALFORMED_JSON, "request body is not valid JSON of the expected shape", null);
    }

    /** Why strict binding refused the body, naming the field at fault when there is one. */
    private static ResponseEntity<ApiError> strictJson(JacksonException j) {
        String field = j instanceof UnrecognizedPropertyException u ? u.getPropertyName() : field(j);
        if (field != null && field.length() > 40) {
            field = field.substring(0, 40) + "…";
        }
        String message;
        if (j instanceof UnrecognizedPropertyException) {
            message = "unknown field '" + field + "' (field names are case-sensitive)";
        } else if (j instanceof MismatchedInputException && field != null) {
            message = "field '" + field + "' has the wrong JSON type (amounts and prices are decimal strings)";
        } else if (j.getMessage() != null && j.getMessage().startsWith("Duplicate Object property")) {
            message = "a field appears twice in the body";
        } else {
            message = "request body is not valid JSON of the expected shape";
        }
        return body(ErrorCode.MALFORMED_JSON, message, field);
    }

    private static String field(JacksonException j) {
        StringBuilder sb = new StringBuilder();
        for (JacksonException.Reference r : j.getPath()) {
            String name = r.getPropertyName();
            if (name != null) {
                if (!sb.isEmpty()) {
                    sb.append('.');
                }
                sb.append(name);
            }
        }
        return sb.isEmpty() ? null : sb.toString();
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<ApiError> missingParam(MissingServletRequestParameterException e) {
        return body(ErrorCode.MISSING_FIELD, "query parameter '" + e.getParameterName() + "' is required",
                e.getParameterName());
    }

    @ExceptionHandler(MissingRequestHeaderException.class)
    ResponseEntity<ApiError> missingHeader(MissingRequestHeaderException e) {
        return body(ErrorCode.MISSING_FIELD, "header '" + e.getHeaderName() + "' is required", e.getHeaderName());
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ApiError> typeMismatch(MethodArgumentTypeMismatchException e) {
        return body(ErrorCode.BAD_REQUEST, "'" + e.getName() + "' has an invalid value", e.getName());
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ApiError> method(HttpRequestMethodNotSupportedException e) {
        return body(ErrorCode.METHOD_NOT_ALLOWED, "method " + e.getMethod() + " is not allowed here", null);
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ApiError> mediaType(HttpMediaTypeNotSupportedException e) {
        return body(ErrorCode.UNSUPPORTED_MEDIA_TYPE, "send the body as application/json", null);
    }

    @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
    ResponseEntity<ApiError> notAcceptable(HttpMediaTypeNotAcceptableException e) {
        return body(ErrorCode.NOT_ACCEPTABLE, "this API answers application/json only", "Accept");
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ResponseEntity<ApiError> notFound(NoResourceFoundException e) {
        return body(ErrorCode.NOT_FOUND, "no such resource", null);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ApiError> other(Exception e, HttpServletRequest request) throws Exception {
        if (e instanceof AccessDeniedException || e instanceof AuthenticationException) {
            throw e;
        }
        ApiException known = known(e);
        if (known != null) {
            return api(known);
        }
        log.error("Unhandled error on {} {}", request.getMethod(), request.getRequestURI(), e);
        return body(ErrorCode.INTERNAL, "internal error", null);
    }

    static ResponseEntity<ApiError> body(ErrorCode code, String message, String field) {
        return ResponseEntity.status(code.status()).body(ApiError.of(code.name(), message, field));
    }
}
