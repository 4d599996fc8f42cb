package io.skyx.custody.sky;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class SkyAnchorTest {

    /** "SKYX" ‖ u64 1 ‖ 32 × 0x11 ‖ 32 × 0x22, the payload of snapshot 1 with two roots. */
    private static byte[] payload() {
        byte[] a = new byte[32];
        byte[] b = new byte[32];
        Arrays.fill(a, (byte) 0x11);
        Arrays.fill(b, (byte) 0x22);
        return ByteBuffer.allocate(76).put("SKYX".getBytes(StandardCharsets.US_ASCII)).putLong(1).put(a).put(b)
                .array();
    }

    @Test
    void theAddressIsVersionZeroOverTheFirst20BytesOfTheDomainSeparatedHash() {
        // computed independently (Python hashlib + base58): sha256(b"SKYX-anchor" + payload)[:20] = 1a618c46…8e19
        assertThat(SkyAnchor.address(payload()).toString()).isEqualTo("BcgUBx1z34d783ayccb4bpSdNLuoJ9GmaG");
        assertThat(SkyAnchor.address(payload()).version()).isZero();
    }

    @Test
    void anyChangeToThePayloadGivesAnotherAddressAndAnEmptyOneIsRefused() {
        byte[] changed = payload();
        changed[changed.length - 1] ^= 1;
        assertThat(SkyAnchor.address(changed)).isNotEqualTo(SkyAnchor.address(payload()));
        assertThatThrownBy(() -> SkyAnchor.address(new byte[0])).isInstanceOf(IllegalArgumentException.class);
    }
}
