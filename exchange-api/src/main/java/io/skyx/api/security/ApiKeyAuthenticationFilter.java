package io.skyx.api.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates requests that carry {@code X-SKYX-APIKEY}: reads the whole body once (bounded), verifies
 * {@code X-SKYX-TIMESTAMP} and {@code X-SKYX-SIGNATURE} over timestamp + method + path-with-query + body, and
 * passes the request on with the cached body and the key's owner as principal for this request only.
 * A request with the key header but a bad signature is refused here with 401 and the error shape; a valid one
 * whose key lacks the permission the request needs ({@link KeyScope#requiredFor}) or is used from an address
 * outside its allow-list gets 403 {@code FORBIDDEN}. The signature of an order request ({@link SignatureClaim}) is
 * recorded by the journal with its command; if the request took no effect it is recorded here once it is done.
 * Requests without the header pass untouched (the session, if any, decides). Not a bean: only the security
 * filter chain runs it.
 */
final class ApiKeyAuthenticationFilter extends OncePerRequestFilter {

    static final String KEY_HEADER = "X-SKYX-APIKEY";
    static final String TIMESTAMP_HEADER = "X-SKYX-TIMESTAMP";
    static final String SIGNATURE_HEADER = "X-SKYX-SIGNATURE";

    private final ApiKeys apiKeys;
    private final int maxBodyBytes;

    ApiKeyAuthenticationFilter(ApiKeys apiKeys, int maxBodyBytes) {
        this.apiKeys = apiKeys;
        this.maxBodyBytes = maxBodyBytes;
    }

    static boolean isSigned(HttpServletRequest request) {
        return request.getHeader(KEY_HEADER) != null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!isSigned(request)) {
            chain.doFilter(request, response);
            return;
        }
        byte[] body = CachedBodyRequest.readBody(request, maxBodyBytes);
        if (body == null) {
            SecurityError.of(HttpStatus.CONTENT_TOO_LARGE, "PAYLOAD_TOO_LARGE",
                    "a signed request body may have at most " + maxBodyBytes + " bytes").write(response);
            return;
        }
        String query = request.getQueryString();
        String pathWithQuery = query == null ? request.getRequestURI() : request.getRequestURI() + "?" + query;
        ApiKeys.Verification v = apiKeys.verify(request.getHeader(KEY_HEADER), request.getHeader(TIMESTAMP_HEADER),
                request.getHeader(SIGNATURE_HEADER), request.getMethod(), pathWithQuery, body,
                SignatureClaim.defers(request.getMethod(), request.getRequestURI()));
        if (v.error() != null) {
            SecurityContextHolder.clearContext();
            v.error().write(response);
            return;
        }
        SignatureClaim claim = v.claim();
        if (claim != null) {
            claim.attachTo(request);
        }
        try {
            authorize(request, response, chain, v.key(), body);
        } finally {
            if (claim != null) {
                apiKeys.settle(claim);
            }
        }
    }

    private static void authorize(HttpServletRequest request, HttpServletResponse response, FilterChain chain,
                                  ApiKeyStore.StoredKey key, byte[] body) throws ServletException, IOException {
        KeyScope scope = key.scope();
        if (!scope.allowsAddress(request.getRemoteAddr())) {
            SecurityContextHolder.clearContext();
            SecurityError.of(HttpStatus.FORBIDDEN, "FORBIDDEN",
                    "this API key may not be used from address " + request.getRemoteAddr()).write(response);
            return;
        }
        KeyScope.Permission needed = KeyScope.requiredFor(request.getMethod(), request.getRequestURI());
        if (!scope.allows(needed)) {
            SecurityContextHolder.clearContext();
            SecurityError.of(HttpStatus.FORBIDDEN, "FORBIDDEN",
                    "this API key lacks the '" + needed.wire() + "' permission").write(response);
            return;
        }
        // operator endpoints need a key with the operator permission whose owner still has the operator role
        List<SimpleGrantedAuthority> roles = key.ownerAdmin() && key.operator()
                ? List.of(SecurityConfig.ROLE_USER, SecurityConfig.ROLE_ADMIN)
                : List.of(SecurityConfig.ROLE_USER);
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(new ApiKeyAuthentication(key.owner(), key.keyId(), roles));
        SecurityContextHolder.setContext(context);
        chain.doFilter(new CachedBodyRequest(request, body), response);
    }
}
