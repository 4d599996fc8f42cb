package io.skyx.api.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReplayGuardTest {

    /** The store's signature log only (the JDBC version is exercised by SecurityReplayIT). */
    private static final class SignatureLog extends ApiKeyStore {
        final Map<String, Long> seen = new HashMap<>();

        SignatureLog() {
            super(null);
        }

        @Override
        boolean firstUseOfSignature(String signatureHex, long expiresAtMillis) {
            return seen.putIfAbsent(signatureHex, expiresAtMillis) == null;
        }

        @Override
        int forgetSignaturesExpiredBefore(long nowMillis) {
            int before = seen.size();
            seen.values().removeIf(e -> e < nowMillis);
            return before - seen.size();
        }
    }

    @Test
    void aSignatureIsAcceptedOnceInsideTheWindow() {
        ReplayGuard guard = new ReplayGuard(5_000, new SignatureLog());
        assertThat(guard.firstSeen("aa", 1_000_000, 1_000_000)).isTrue();
        assertThat(guard.firstSeen("aa", 1_000_000, 1_004_000)).isFalse();
        assertThat(guard.firstSeen("bb", 1_000_000, 1_004_000)).isTrue();
    }

    @Test
    void entriesAreForgottenOnlyAfterTheirTimestampLeftTheWindow() {
        SignatureLog log = new SignatureLog();
        ReplayGuard guard = new ReplayGuard(5_000, log);
        guard.firstSeen("aa", 1_000_000, 1_000_000);
        assertThat(guard.firstSeen("aa", 1_000_000, 1_005_000)).isFalse();
        // the next purge (10 s later) drops "aa" (expired at 1_005_000), keeps the fresh one
        assertThat(guard.firstSeen("dd", 1_011_000, 1_011_000)).isTrue();
        assertThat(log.seen).containsOnlyKeys("dd");
    }

    @Test
    void windowMustBePositive() {
        assertThatThrownBy(() -> new ReplayGuard(0, new SignatureLog())).isInstanceOf(IllegalArgumentException.class);
    }
}
