package io.skyx.api.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Request rate limits of the costly or abusable calls (sign-up, login, order placement, API-key creation), per
 * client address and, once the caller is known, per account: over the limit the request is refused with 429
 * TOO_MANY_REQUESTS and {@code Retry-After} (seconds) before it does anything. Runs in the security chain after
 * authentication and authorisation; not a bean.
 */
final class RateLimitFilter extends OncePerRequestFilter {

    private final RateLimits limits;
    private final RateLimitProperties props;

    RateLimitFilter(RateLimits limits, RateLimitProperties props) {
        this.limits = limits;
        this.props = props;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<Duration> wait = "POST".equals(request.getMethod()) ? check(request) : Optional.empty();
        if (wait.isPresent()) {
            long seconds = Math.max(1, (wait.get().toMillis() + 999) / 1000);
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
            SecurityError.of(HttpStatus.TOO_MANY_REQUESTS, "TOO_MANY_REQUESTS",
                    "too many requests: try again in " + seconds + " s").write(response);
            return;
        }
        chain.doFilter(request, response);
    }

    private Optional<Duration> check(HttpServletRequest request) {
        String ip = request.getRemoteAddr();
        return switch (request.getRequestURI()) {
            case "/api/v1/auth/signup" -> limits.take("signup:ip:" + ip, props.signupPerIp())
                    .or(() -> limits.take("signup:all", props.signupGlobal()));
            case "/api/v1/auth/login" -> limits.take("login:ip:" + ip, props.loginPerIp());
            case "/api/v1/orders" -> both("order", ip, props.orderPerIp(), props.orderPerAccount());
            case "/api/v1/api-keys" -> both("apikey", ip, props.apiKeyPerIp(), props.apiKeyPerAccount());
            default -> Optional.empty();
        };
    }

    private Optional<Duration> both(String what, String ip, RateLimitProperties.Limit perIp,
                                    RateLimitProperties.Limit perAccount) {
        Optional<Duration> byIp = limits.take(what + ":ip:" + ip, perIp);
        if (byIp.isPresent()) {
            return byIp;
        }
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof SkyxUser user) {
            return limits.take(what + ":user:" + user.id(), perAccount);
        }
        return Optional.empty();
    }
}
