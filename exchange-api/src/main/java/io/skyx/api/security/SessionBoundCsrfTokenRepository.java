package io.skyx.api.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository;

/**
 * CSRF tokens bound to the session: the token is kept in the HTTP session and checked against it, and only
 * mirrored into the {@code XSRF-TOKEN} cookie for the web UI to read. A cookie value planted by an attacker (with
 * the same value in the header) is worthless, because the server never trusts the cookie.
 */
final class SessionBoundCsrfTokenRepository implements CsrfTokenRepository {

    static final String HEADER = "X-XSRF-TOKEN";

    private final HttpSessionCsrfTokenRepository session = new HttpSessionCsrfTokenRepository();
    private final CookieCsrfTokenRepository cookie = CookieCsrfTokenRepository.withHttpOnlyFalse();

    SessionBoundCsrfTokenRepository(boolean secureCookie) {
        session.setHeaderName(HEADER);
        cookie.setHeaderName(HEADER);
        cookie.setCookieCustomizer(c -> c.sameSite("Lax").secure(secureCookie));
    }

    @Override
    public CsrfToken generateToken(HttpServletRequest request) {
        return session.generateToken(request);
    }

    @Override
    public void saveToken(CsrfToken token, HttpServletRequest request, HttpServletResponse response) {
        if (ApiKeyAuthenticationFilter.isSigned(request)) {
            return; // signed requests need no CSRF token and must not open a session
        }
        session.saveToken(token, request, response);
        cookie.saveToken(token, request, response);
    }

    @Override
    public CsrfToken loadToken(HttpServletRequest request) {
        return session.loadToken(request);
    }
}
