package io.skyx.ops.load;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs SkyX API requests as docs/api.md describes: lowercase hex HMAC-SHA256 keyed with the secret's UTF-8
 * bytes, over {@code timestamp + METHOD + pathWithQuery} followed by the body bytes. One instance per thread.
 */
final class ApiSigner {

    private static final HexFormat HEX = HexFormat.of();
    private final Mac mac;

    ApiSigner(String secret) {
        if (secret == null || secret.isEmpty()) {
            throw new IllegalArgumentException("secret is required");
        }
        try {
            mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable", e);
        }
    }

    String sign(String timestamp, String method, String pathWithQuery, byte[] body) {
        mac.reset();
        mac.update((timestamp + method + pathWithQuery).getBytes(StandardCharsets.UTF_8));
        mac.update(body);
        return HEX.formatHex(mac.doFinal());
    }

    @Override
    public String toString() {
        return "ApiSigner[HmacSHA256]";
    }
}
