package io.skyx.api.security;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts API-key secrets at rest with AES-256-GCM: output is nonce (12 bytes) || ciphertext || tag (16
 * bytes); the key id is the associated data, so a box moved to another key id does not open.
 */
final class SecretBox {

    static final int KEY_BYTES = 32;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKeySpec key;
    private final SecureRandom random;

    SecretBox(byte[] keyBytes, SecureRandom random) {
        if (keyBytes == null || keyBytes.length != KEY_BYTES) {
            throw new IllegalArgumentException("the API-key encryption key must be " + KEY_BYTES + " bytes");
        }
        this.key = new SecretKeySpec(keyBytes.clone(), "AES");
        this.random = random;
    }

    byte[] seal(String secret, String keyId) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            c.updateAAD(keyId.getBytes(StandardCharsets.UTF_8));
            byte[] ct = c.doFinal(secret.getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.allocate(NONCE_BYTES + ct.length).put(nonce).put(ct).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is unavailable", e);
        }
    }

    /** The secret, or null if the box does not open (wrong key, wrong key id or tampered). */
    String open(byte[] box, String keyId) {
        if (box == null || box.length < NONCE_BYTES + TAG_BITS / 8) {
            return null;
        }
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, Arrays.copyOf(box, NONCE_BYTES)));
            c.updateAAD(keyId.getBytes(StandardCharsets.UTF_8));
            byte[] plain = c.doFinal(box, NONCE_BYTES, box.length - NONCE_BYTES);
            return new String(plain, StandardCharsets.UTF_8);
        } catch (javax.crypto.AEADBadTagException e) {
            return null;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is unavailable", e);
        }
    }

    @Override
    public String toString() {
        return "SecretBox[AES-256-GCM]";
    }
}
