package io.skyx.node.api;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Skycoin's CSRF tokens: {@code GET /api/v1/csrf} issues one, valid for 30 seconds; every POST must send it in
 * the {@code X-CSRF-Token} header.
 */
final class Csrf {
    static final String HEADER = "X-CSRF-Token";
    static final Duration VALIDITY = Duration.ofSeconds(30);

    private final SecureRandom random = new SecureRandom();
    private final Map<String, Instant> issued = new ConcurrentHashMap<>();
    private final Clock clock;

    Csrf(Clock clock) {
        this.clock = clock;
    }

    String issue() {
        byte[] b = new byte[32];
        random.nextBytes(b);
        String token = HexFormat.of().formatHex(b);
        Instant now = clock.instant();
        issued.values().removeIf(expiry -> expiry.isBefore(now));
        issued.put(token, now.plus(VALIDITY));
        return token;
    }

    /** @return true if {@code token} was issued here and has not expired */
    boolean valid(String token) {
        if (token == null || token.isEmpty()) {
            return false;
        }
        Instant expiry = issued.get(token);
        return expiry != null && !expiry.isBefore(clock.instant());
    }
}
