package io.skyx.api.security;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The request signature of signed API calls: lowercase hex of HMAC-SHA256 keyed with the UTF-8 bytes of the
 * API secret, over the UTF-8 bytes of {@code timestamp + METHOD + pathWithQuery} followed by the raw body bytes.
 */
public final class RequestSignature {

    static final int HEX_LENGTH = 64;
    private static final HexFormat HEX = HexFormat.of();

    private RequestSignature() {
    }

    /** The signature bytes (32) for one request. */
    static byte[] compute(String secret, String timestamp, String method, String pathWithQuery, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((timestamp + method + pathWithQuery).getBytes(StandardCharsets.UTF_8));
            mac.update(body);
            return mac.doFinal();
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable", e);
        }
    }

    /** The signature as lowercase hex. */
    public static String computeHex(String secret, String timestamp, String method, String pathWithQuery, byte[] body) {
        return HEX.formatHex(compute(secret, timestamp, method, pathWithQuery, body));
    }

    /** Parses a presented signature: 64 lowercase hex digits, else null. */
    static byte[] parse(String presented) {
        if (presented == null || presented.length() != HEX_LENGTH) {
            return null;
        }
        for (int i = 0; i < presented.length(); i++) {
            char c = presented.charAt(i);
            if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
                return null;
            }
        }
        return HEX.parseHex(presented);
    }

    /** Constant-time comparison of the expected and presented signature bytes. */
    static boolean matches(byte[] expected, byte[] presented) {
        return presented != null && MessageDigest.isEqual(expected, presented);
    }
}
