package io.skyx.api.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

class SecretBoxTest {

    private static byte[] key(int fill) {
        byte[] k = new byte[32];
        java.util.Arrays.fill(k, (byte) fill);
        return k;
    }

    private final SecretBox box = new SecretBox(key(7), new SecureRandom());

    @Test
    void sealsAndOpens() {
        byte[] sealed = box.seal("the-secret", "00112233445566778899aabbccddeeff");
        assertThat(new String(sealed, java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain("the-secret");
        assertThat(box.open(sealed, "00112233445566778899aabbccddeeff")).isEqualTo("the-secret");
        assertThat(box.seal("the-secret", "k")).as("fresh nonce each time").isNotEqualTo(box.seal("the-secret", "k"));
    }

    @Test
    void doesNotOpenForAnotherKeyIdAnotherKeyOrTamperedBytes() {
        byte[] sealed = box.seal("the-secret", "key-a");
        assertThat(box.open(sealed, "key-b")).isNull();
        assertThat(new SecretBox(key(8), new SecureRandom()).open(sealed, "key-a")).isNull();
        byte[] tampered = sealed.clone();
        tampered[tampered.length - 1] ^= 1;
        assertThat(box.open(tampered, "key-a")).isNull();
        assertThat(box.open(new byte[5], "key-a")).isNull();
        assertThat(box.open(null, "key-a")).isNull();
    }

    @Test
    void needsA32ByteKey() {
        assertThatThrownBy(() -> new SecretBox(new byte[16], new SecureRandom()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(box.toString()).doesNotContain("7");
    }
}
