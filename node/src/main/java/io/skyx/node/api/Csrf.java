package io.skyx.node.api;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Optional;

/**
 * Skycoin's CSRF tokens (src/api/csrf.go, v0.27): stateless and signed. A token is
 * {@code base64url(json) "." base64url(HMAC-SHA256(secret, json))} (unpadded), where json is
 * {@code {"Nonce":"<64 random bytes, std base64>","ExpiresAt":"<RFC 3339, nanoseconds>"}} and the secret is 64
 * random bytes drawn per process. {@code GET /api/v1/csrf} issues one valid for 30 seconds; every POST must carry
 * one in {@code X-CSRF-Token}. As in Skycoin, any unexpired token this process signed is accepted, any number of
 * times, and a restart invalidates all of them.
 */
final class Csrf {
    static final String HEADER = "X-CSRF-Token";
    static final Duration VALIDITY = Duration.ofSeconds(30);
    private static final int NONCE_BYTES = 64;
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final DateTimeFormatter GO_RFC3339_NANO = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

    private final SecureRandom random = new SecureRandom();
    private final byte[] secret = new byte[64];
    private final Clock clock;

    Csrf(Clock clock) {
        this.clock = clock;
        random.nextBytes(secret);
    }

    String issue() {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        ObjectNode t = Readable.F.objectNode();
        t.put("Nonce", Base64.getEncoder().encodeToString(nonce));
        t.put("ExpiresAt", goTime(clock.instant().plus(VALIDITY)));
        byte[] json = JSON.writeValueAsString(t).getBytes(StandardCharsets.UTF_8);
        Base64.Encoder url = Base64.getUrlEncoder().withoutPadding();
        return url.encodeToString(json) + "." + url.encodeToString(hmac(json));
    }

    /** Go's time.Time JSON form (RFC 3339 with up to nine fraction digits, trailing zeros dropped). */
    private static String goTime(Instant t) {
        return GO_RFC3339_NANO.format(OffsetDateTime.ofInstant(t, ZoneOffset.UTC)).replace("+00:00", "Z");
    }

    private byte[] hmac(byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is required by the Java platform", e);
        }
    }

    /** @return empty if {@code token} is valid, else Skycoin's reason ("invalid CSRF token", …) */
    Optional<String> check(String token) {
        String[] parts = (token == null ? "" : token).split("\\.", -1);
        if (parts.length != 2) {
            return Optional.of("invalid CSRF token");
        }
        byte[] json;
        try {
            json = Base64.getUrlDecoder().decode(parts[0]);
        } catch (IllegalArgumentException e) {
            return Optional.of("illegal base64 data at input byte 0");
        }
        String sig = Base64.getUrlEncoder().withoutPadding().encodeToString(hmac(json));
        if (!MessageDigest.isEqual(sig.getBytes(StandardCharsets.US_ASCII),
                parts[1].getBytes(StandardCharsets.US_ASCII))) {
            return Optional.of("invalid CSRF token signature");
        }
        try {
            JsonNode t = JSON.readTree(json);
            Instant expires = OffsetDateTime.parse(t.path("ExpiresAt").asString()).toInstant();
            return clock.instant().isAfter(expires) ? Optional.of("csrf token expired") : Optional.empty();
        } catch (JacksonException | DateTimeParseException e) {
            return Optional.of("invalid CSRF token");
        }
    }
}
