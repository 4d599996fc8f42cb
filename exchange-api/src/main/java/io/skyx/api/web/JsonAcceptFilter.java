package io.skyx.api.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Content negotiation decided before any command runs: the API answers only JSON, so a request under
 * {@code /api/} whose {@code Accept} admits no JSON is refused here with 406 NOT_ACCEPTABLE (in the error shape,
 * the one body every client gets) before security, parsing or the sequencer see it. No {@code Accept}, or one
 * admitting {@code application/json} ({@code *}{@code /*}, {@code application/*}) with a non-zero quality, passes.
 */
final class JsonAcceptFilter extends OncePerRequestFilter {

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith("/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        List<String> accept = Collections.list(request.getHeaders("Accept"));
        if (accept.isEmpty() || acceptsJson(accept)) {
            chain.doFilter(request, response);
            return;
        }
        ErrorWriter.write(response, ErrorCode.NOT_ACCEPTABLE,
                "this API answers application/json only: send Accept: application/json (or no Accept)", "Accept");
    }

    static boolean acceptsJson(List<String> acceptHeaders) {
        try {
            for (MediaType t : MediaType.parseMediaTypes(acceptHeaders)) {
                if (t.getQualityValue() > 0 && t.isCompatibleWith(MediaType.APPLICATION_JSON)) {
                    return true;
                }
            }
            return false;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
