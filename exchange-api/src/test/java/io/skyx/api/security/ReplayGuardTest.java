package io.skyx.api.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import java.util.function.BiConsumer;
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
        void signaturesUnexpiredAt(long nowMillis, BiConsumer<String, Long> each) {
            seen.forEach((sig, expires) -> {
                if (expires >= nowMillis) {
                    each.accept(sig, expires);
                }
            });
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
        ReplayGuard guard = new ReplayGuard(5_000, new SignatureLog(), 1_000_000);
        assertThat(guard.firstSeen("aa", 1_000_000, 1_000_000)).isTrue();
        assertThat(guard.firstSeen("aa", 1_000_000, 1_004_000)).isFalse();
        assertThat(guard.firstSeen("bb", 1_000_000, 1_004_000)).isTrue();
    }

    @Test
    void entriesAreForgottenOnlyAfterTheirTimestampLeftTheWindow() {
        SignatureLog log = new SignatureLog();
        ReplayGuard guard = new ReplayGuard(5_000, log, 1_000_000);
        guard.firstSeen("aa", 1_000_000, 1_000_000);
        assertThat(guard.firstSeen("aa", 1_000_000, 1_005_000)).isFalse();
        // the next purge (10 s later) drops "aa" (expired at 1_005_000), keeps the fresh one
        assertThat(guard.firstSeen("dd", 1_011_000, 1_011_000)).isTrue();
        assertThat(log.seen).containsOnlyKeys("dd");
    }

    /**
     * A claim (for a request the journal records) is refused a second time, is forgotten like a recorded one once
     * expired, and a guard starting on recorded signatures refuses their claims.
     */
    @Test
    void claimsAreInMemoryUntilTheyExpireAndStartAsTheRecordedSignatures() {
        SignatureLog log = new SignatureLog();
        log.seen.put("old", 1_004_999L);
        log.seen.put("kept", 1_006_000L);
        ReplayGuard guard = new ReplayGuard(5_000, log, 1_005_000);
        assertThat(guard.claimsInMemory()).as("the unexpired recorded signature only").isEqualTo(1);
        assertThat(guard.claim("kept", 1_001_000, 1_005_000)).isNull();
        SignatureClaim c = guard.claim("cc", 1_005_000, 1_005_000);
        assertThat(c).isNotNull();
        assertThat(c.expiresAtMillis()).isEqualTo(1_010_000);
        assertThat(guard.claim("cc", 1_005_000, 1_006_000)).isNull();
        assertThat(log.seen).doesNotContainKey("cc");
        // the purge 10 s after the first one (at 1_005_000) forgets both
        assertThat(guard.claim("ee", 1_015_000, 1_015_000)).isNotNull();
        assertThat(guard.claimsInMemory()).isEqualTo(1);
        guard.settle(c);
        assertThat(log.seen).as("settled unrecorded: written").containsKey("cc");
    }

    @Test
    void windowMustBePositive() {
        assertThatThrownBy(() -> new ReplayGuard(0, new SignatureLog(), 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
