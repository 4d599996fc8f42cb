package io.skyx.api.security;

import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * API keys of the signed-in user. Managed from a browser session only: a signed request (an API key) cannot
 * create, list or delete keys.
 */
@RestController
@RequestMapping("/api/v1/api-keys")
class ApiKeyController {

    /**
     * Optional body of a create request; {@code operator}: the key may call operator endpoints (only an operator
     * may ask, and the permission works only while the owner is an operator); {@code permissions} of read, trade,
     * withdraw (default read and trade); {@code ipAllowList}: addresses or CIDR blocks (default any);
     * {@code expiresAt}: ISO-8601 UTC (default never).
     */
    record CreateRequest(String label, Boolean operator, List<String> permissions, List<String> ipAllowList,
                         String expiresAt) { }

    private final ApiKeys apiKeys;

    ApiKeyController(ApiKeys apiKeys) {
        this.apiKeys = apiKeys;
    }

    @PostMapping
    ResponseEntity<?> create(@RequestBody(required = false) CreateRequest body, Authentication auth) {
        Optional<SkyxUser> user = sessionUser(auth);
        if (user.isEmpty()) {
            return sessionOnly();
        }
        String label = body == null || body.label() == null || body.label().isBlank() ? null : body.label().strip();
        String labelProblem = ApiKeys.labelProblem(label);
        if (labelProblem != null) {
            return SecurityError.ofField(HttpStatus.BAD_REQUEST, "BAD_REQUEST", labelProblem, "label").toResponse();
        }
        boolean operator = body != null && Boolean.TRUE.equals(body.operator());
        if (operator && auth.getAuthorities().stream().noneMatch(a -> "ROLE_ADMIN".equals(a.getAuthority()))) {
            return SecurityError.ofField(HttpStatus.FORBIDDEN, "FORBIDDEN",
                    "only an operator can create a key with the operator permission", "operator").toResponse();
        }
        KeyScope scope;
        try {
            scope = body == null ? KeyScope.parse(null, null, null, apiKeys.now())
                    : KeyScope.parse(body.permissions(), body.ipAllowList(), body.expiresAt(), apiKeys.now());
        } catch (KeyScope.Problem p) {
            return SecurityError.ofField(HttpStatus.BAD_REQUEST, "BAD_REQUEST", p.getMessage(), p.field()).toResponse();
        }
        Optional<ApiKeys.Created> created = apiKeys.create(user.get(), label, operator, scope);
        if (created.isEmpty()) {
            return SecurityError.of(HttpStatus.BAD_REQUEST, "BAD_REQUEST",
                    "at most " + apiKeys.maxKeysPerUser() + " API keys per user: delete one first").toResponse();
        }
        return ResponseEntity.status(HttpStatus.CREATED).body(created.get());
    }

    @GetMapping
    ResponseEntity<?> list(Authentication auth) {
        Optional<SkyxUser> user = sessionUser(auth);
        if (user.isEmpty()) {
            return sessionOnly();
        }
        List<ApiKeyStore.KeyInfo> keys = apiKeys.list(user.get());
        return ResponseEntity.ok(keys);
    }

    @DeleteMapping("/{key}")
    ResponseEntity<?> delete(@PathVariable("key") String key, Authentication auth) {
        Optional<SkyxUser> user = sessionUser(auth);
        if (user.isEmpty()) {
            return sessionOnly();
        }
        if (!apiKeys.delete(user.get(), key)) {
            return SecurityError.of(HttpStatus.NOT_FOUND, "NOT_FOUND", "no such API key").toResponse();
        }
        return ResponseEntity.noContent().build();
    }

    private static Optional<SkyxUser> sessionUser(Authentication auth) {
        if (auth == null || auth instanceof ApiKeyAuthentication || !(auth.getPrincipal() instanceof SkyxUser u)) {
            return Optional.empty();
        }
        return Optional.of(u);
    }

    private static ResponseEntity<String> sessionOnly() {
        return SecurityError.of(HttpStatus.FORBIDDEN, "FORBIDDEN", "API keys are managed from a browser session")
                .toResponse();
    }
}
