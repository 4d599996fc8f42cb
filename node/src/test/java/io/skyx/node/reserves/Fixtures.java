package io.skyx.node.reserves;

import java.nio.charset.StandardCharsets;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Salts as the exchange derives them: HMAC-SHA256(secret, asset ‖ snapshot ‖ account). */
final class Fixtures {
    private Fixtures() {
    }

    static LiabilityTree.SaltSource salts(String secret) {
        return (ref, account) -> {
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.US_ASCII), "HmacSHA256"));
                return mac.doFinal((ref.asset() + "|" + ref.snapshot() + "|" + account)
                        .getBytes(StandardCharsets.US_ASCII));
            } catch (java.security.GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        };
    }
}
