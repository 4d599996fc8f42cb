package io.skyx.api.web;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The servlet container's error page ({@code /error}) in the one error shape, for errors outside Spring MVC.
 * Written directly (not through a message converter), so the body is there whatever the request's
 * {@code Accept} said; never a stack trace.
 */
@Hidden
@RestController
class ErrorEndpoint implements ErrorController {

    @RequestMapping("/error")
    void error(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object s = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = s instanceof Integer i && i >= 400 && i <= 599 ? i : 500;
        ErrorWriter.write(response, status, body(status));
    }

    /** The error body for a bare HTTP status (also used by the container's own error reports). */
    static String body(int status) {
        ErrorCode code = switch (status) {
            case 400 -> ErrorCode.BAD_REQUEST;
            case 401 -> ErrorCode.UNAUTHENTICATED;
            case 403 -> ErrorCode.FORBIDDEN;
            case 404 -> ErrorCode.NOT_FOUND;
            case 405 -> ErrorCode.METHOD_NOT_ALLOWED;
            case 406 -> ErrorCode.NOT_ACCEPTABLE;
            case 413 -> ErrorCode.PAYLOAD_TOO_LARGE;
            case 415 -> ErrorCode.UNSUPPORTED_MEDIA_TYPE;
            case 429 -> ErrorCode.TOO_MANY_REQUESTS;
            case 503 -> ErrorCode.UNAVAILABLE;
            default -> status >= 500 ? ErrorCode.INTERNAL : ErrorCode.BAD_REQUEST;
        };
        HttpStatus httpStatus = HttpStatus.resolve(status);
        String message = code == ErrorCode.INTERNAL ? "internal error"
                : httpStatus != null ? httpStatus.getReasonPhrase().toLowerCase(Locale.ROOT) : "error";
        return ErrorWriter.json(code.name(), message, null);
    }
}
