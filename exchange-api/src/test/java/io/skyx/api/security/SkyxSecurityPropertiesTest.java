package io.skyx.api.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class SkyxSecurityPropertiesTest {

    @Test
    void hasDefaultsInCode() {
        SkyxSecurityProperties p = SkyxSecurityProperties.defaults();
        assertThat(p.signatureWindow()).isEqualTo(Duration.ofSeconds(5));
        assertThat(p.maxSignedBodyBytes()).isEqualTo(65_536);
        assertThat(p.apiKeyEncryptionKey()).isNull();
        assertThat(p.accountMaxFailures()).isEqualTo(5);
        assertThat(p.passwordMinLength()).isEqualTo(10);
    }

    @Test
    void refusesNonsense() {
        assertThatThrownBy(() -> new SkyxSecurityProperties(Duration.ZERO, null, null, null, null, null, null, null,
                null, null)).hasMessageContaining("signature-window");
        assertThatThrownBy(() -> new SkyxSecurityProperties(null, -1, null, null, null, null, null, null, null, null))
                .hasMessageContaining("max-signed-body-bytes");
        assertThatThrownBy(() -> new SkyxSecurityProperties(null, null, null, null, null, Duration.ofMinutes(5),
                Duration.ofMinutes(1), null, null, null)).hasMessageContaining("account-max-lockout");
        assertThatThrownBy(() -> new SkyxSecurityProperties(null, null, null, null, null, null, null, null, null, 500))
                .hasMessageContaining("password-min-length");
    }

    @Test
    void neverPrintsTheEncryptionKey() {
        SkyxSecurityProperties p = new SkyxSecurityProperties(null, null, "c2VjcmV0LWtleS1tYXRlcmlhbA==", null, null,
                null, null, null, null, null);
        assertThat(p.toString()).doesNotContain("c2VjcmV0").contains("<configured>");
    }
}
