package io.skyx.api.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ReplayGuardTest {

    @Test
    void aSignatureIsAcceptedOnceInsideTheWindow() {
        ReplayGuard guard = new ReplayGuard(30_000);
        assertThat(guard.firstSeen("aa", 1_000_000, 1_000_000)).isTrue();
        assertThat(guard.firstSeen("aa", 1_000_000, 1_010_000)).isFalse();
        assertThat(guard.firstSeen("bb", 1_000_000, 1_010_000)).isTrue();
    }

    @Test
    void entriesAreForgottenOnlyAfterTheirTimestampLeftTheWindow() {
        ReplayGuard guard = new ReplayGuard(30_000);
        guard.firstSeen("aa", 1_000_000, 1_000_000);
        guard.firstSeen("bb", 1_000_000, 1_029_999);
        assertThat(guard.size()).isEqualTo(2);
        // at 1_030_000 "aa" (expires 1_030_000) is still inside the window: kept
        assertThat(guard.firstSeen("cc", 1_030_000, 1_030_000)).isTrue();
        assertThat(guard.firstSeen("aa", 1_000_000, 1_030_000)).isFalse();
        // later, both old ones are purged; the new one stays
        assertThat(guard.firstSeen("dd", 1_040_000, 1_040_000)).isTrue();
        assertThat(guard.size()).isEqualTo(2);
    }

    @Test
    void windowMustBePositive() {
        assertThatThrownBy(() -> new ReplayGuard(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
