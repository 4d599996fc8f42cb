package io.skyx.api.account;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** RFC 6238 / RFC 4226 written out with the JDK's HMAC, independent of the library the app uses. */
public final class TotpReference {

    private TotpReference() {
    }

    /** The {@code digits}-digit HMAC-SHA-1 code of {@code key} at counter {@code step}. */
    static int code(byte[] key, long step, int digits) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(key, "HmacSHA1"));
            byte[] h = mac.doFinal(ByteBuffer.allocate(8).putLong(step).array());
            int offset = h[h.length - 1] & 0x0f;
            int binary = ((h[offset] & 0x7f) << 24) | ((h[offset + 1] & 0xff) << 16)
                    | ((h[offset + 2] & 0xff) << 8) | (h[offset + 3] & 0xff);
            int mod = 1;
            for (int i = 0; i < digits; i++) {
                mod *= 10;
            }
            return binary % mod;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The 6-digit code as the user types it. */
    public static String code6(byte[] key, long step) {
        return String.format("%06d", code(key, step, 6));
    }
}
