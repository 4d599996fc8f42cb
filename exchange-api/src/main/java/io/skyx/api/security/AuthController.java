package io.skyx.api.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.DeferredCsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Browser authentication: sign-up, login (JSON), the current user and the CSRF token. Logout is
 * {@code POST /api/v1/auth/logout}, handled by the security filter chain (204).
 */
@RestController
@RequestMapping("/api/v1/auth")
class AuthController {

    /** Sign-up and login body. */
    record Credentials(String email, String password) {
        @Override
        public String toString() {
            return "Credentials[" + email + "]";
        }
    }

    /** The signed-in user, by the opaque id (a UUID, not the sequential internal id). */
    record Me(String userId, String email) { }

    /** The CSRF token to send in {@code headerName} with state-changing browser requests. */
    record Csrf(String token, String headerName) { }

    private final UserStore users;
    private final PasswordEncoder encoder;
    private final AuthenticationManager authentication;
    private final LoginThrottle throttle;
    private final SecurityContextRepository contexts;
    private final CsrfTokenRepository csrfTokens;
    private final PasswordPolicy passwordPolicy;

    AuthController(UserStore users, PasswordEncoder encoder, AuthenticationManager authentication,
                   LoginThrottle throttle, SecurityContextRepository contexts, CsrfTokenRepository csrfTokens,
                   SkyxSecurityProperties props) {
        this.users = users;
        this.encoder = encoder;
        this.authentication = authentication;
        this.throttle = throttle;
        this.contexts = contexts;
        this.csrfTokens = csrfTokens;
        this.passwordPolicy = new PasswordPolicy(props.passwordMinLength());
    }

    @PostMapping("/signup")
    ResponseEntity<?> signup(@RequestBody(required = false) Credentials body, HttpServletRequest request,
                             HttpServletResponse response) {
        Optional<SecurityError> missing = missingField(body);
        if (missing.isPresent()) {
            return missing.get().toResponse();
        }
        String email = EmailAddress.normalise(body.email());
        String emailProblem = EmailAddress.problem(email);
        if (emailProblem != null) {
            return SecurityError.ofField(HttpStatus.BAD_REQUEST, "BAD_REQUEST", emailProblem, "email").toResponse();
        }
        String passwordProblem = passwordPolicy.problem(body.password(), email);
        if (passwordProblem != null) {
            return SecurityError.ofField(HttpStatus.BAD_REQUEST, "WEAK_PASSWORD", passwordProblem, "password")
                    .toResponse();
        }
        Optional<SkyxUser> created = users.create(new EmailAddress(email), encoder.encode(body.password()));
        if (created.isEmpty()) {
            return SecurityError.ofField(HttpStatus.CONFLICT, "EMAIL_TAKEN",
                    "an account with this email already exists", "email").toResponse();
        }
        signIn(PasswordAuthenticationProvider.authenticated(created.get(), false), request, response);
        return ResponseEntity.status(HttpStatus.CREATED).body(me(created.get()));
    }

    @PostMapping("/login")
    ResponseEntity<?> login(@RequestBody(required = false) Credentials body, HttpServletRequest request,
                            HttpServletResponse response) {
        Optional<SecurityError> missing = missingField(body);
        if (missing.isPresent()) {
            return missing.get().toResponse();
        }
        String email = EmailAddress.normalise(body.email());
        String ip = request.getRemoteAddr();
        LoginThrottle.Verdict verdict = throttle.check(email, ip);
        if (!verdict.allowed()) {
            long seconds = Math.max(1, (verdict.retryAfter().toMillis() + 999) / 1000);
            return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                    .header(HttpHeaders.RETRY_AFTER, Long.toString(seconds))
                    .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                    .body(SecurityError.of(HttpStatus.TOO_MANY_REQUESTS, "TOO_MANY_ATTEMPTS",
                            "too many failed logins: try again in " + seconds + " s").json());
        }
        Authentication result;
        try {
            result = authentication.authenticate(
                    UsernamePasswordAuthenticationToken.unauthenticated(email, body.password()));
        } catch (AuthenticationException e) {
            throttle.failure(email, ip);
            return SecurityError.of(HttpStatus.UNAUTHORIZED, "UNAUTHENTICATED", "email or password is wrong")
                    .toResponse();
        }
        throttle.success(email, ip);
        signIn(result, request, response);
        return ResponseEntity.ok(me((SkyxUser) result.getPrincipal()));
    }

    @GetMapping("/me")
    Me me(@AuthenticationPrincipal SkyxUser user) {
        return new Me(users.publicId(user.id()), user.email());
    }

    @GetMapping("/csrf")
    ResponseEntity<?> csrf(HttpServletRequest request) {
        DeferredCsrfToken deferred = (DeferredCsrfToken) request.getAttribute(DeferredCsrfToken.class.getName());
        if (deferred == null) {
            return SecurityError.of(HttpStatus.INTERNAL_SERVER_ERROR, "INTERNAL", "CSRF protection is not active")
                    .toResponse();
        }
        CsrfToken token = deferred.get();
        return ResponseEntity.ok(new Csrf(token.getToken(), token.getHeaderName()));
    }

    private static Optional<SecurityError> missingField(Credentials body) {
        if (body == null || body.email() == null || body.email().isBlank()) {
            return Optional.of(SecurityError.ofField(HttpStatus.BAD_REQUEST, "MISSING_FIELD", "email is required",
                    "email"));
        }
        if (body.password() == null || body.password().isEmpty()) {
            return Optional.of(SecurityError.ofField(HttpStatus.BAD_REQUEST, "MISSING_FIELD",
                    "password is required", "password"));
        }
        return Optional.empty();
    }

    /**
     * Starts a session for {@code auth}: a new session id (no fixation), the security context saved in the
     * session, and a new CSRF token (cookie) so that a token planted before login is worthless.
     */
    private void signIn(Authentication auth, HttpServletRequest request, HttpServletResponse response) {
        HttpSession existing = request.getSession(false);
        if (existing != null) {
            request.changeSessionId();
        }
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(auth);
        SecurityContextHolder.setContext(context);
        contexts.saveContext(context, request, response);
        csrfTokens.saveToken(csrfTokens.generateToken(request), request, response);
    }
}
