package io.skyx.api.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/**
 * 401 and 403 as JSON in the error shape (never a redirect or an HTML page), and 400 for requests the firewall
 * rejects (encoded slashes, NUL, {@code ..} segments and the like).
 */
final class SecurityErrorHandlers implements AuthenticationEntryPoint, AccessDeniedHandler, RequestRejectedHandler {

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, RequestRejectedException e)
            throws IOException {
        SecurityError.of(HttpStatus.BAD_REQUEST, "BAD_REQUEST", "the request URL is not allowed").write(response);
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        SecurityError.of(HttpStatus.UNAUTHORIZED, "UNAUTHENTICATED",
                "sign in, or sign the request with an API key").write(response);
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        if (e instanceof CsrfException) {
            SecurityError.of(HttpStatus.FORBIDDEN, "CSRF",
                    "missing or wrong CSRF token: send the XSRF-TOKEN cookie's value in the X-XSRF-TOKEN header")
                    .write(response);
        } else {
            SecurityError.of(HttpStatus.FORBIDDEN, "FORBIDDEN", "not allowed").write(response);
        }
    }
}
