package io.skyx.api.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

/** Signature verification without a database: a fake store and a fake clock. */
class ApiKeysTest {

    private static final class FakeClock implements InstantSource {
        long millis = 1_700_000_000_000L;

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(millis);
        }
    }

    /** An in-memory stand-in for the JDBC store. */
    private static final class FakeStore extends ApiKeyStore {
        final Map<String, StoredKey> keys = new HashMap<>();
        final Map<String, byte[]> settings = new HashMap<>();
        final Map<String, Long> signatures = new HashMap<>();
        int finds;

        FakeStore() {
            super(null);
        }

        @Override
        boolean insert(String keyId, long userId, byte[] secretBox, String label, boolean operator, KeyScope scope,
                       int max) {
            if (keys.values().stream().filter(k -> k.owner().id() == userId).count() >= max) {
                return false;
            }
            keys.put(keyId, new StoredKey(keyId, new SkyxUser(userId, "u" + userId + "@x.io"), false, operator,
                    secretBox, scope));
            return true;
        }

        @Override
        boolean delete(String keyId, long userId) {
            StoredKey k = keys.get(keyId);
            return k != null && k.owner().id() == userId && keys.remove(keyId) != null;
        }

        @Override
        List<KeyInfo> list(long userId) {
            return new ArrayList<>();
        }

        @Override
        Optional<StoredKey> find(String keyId) {
            finds++;
            return Optional.ofNullable(keys.get(keyId));
        }

        @Override
        Optional<byte[]> setting(String name) {
            return Optional.ofNullable(settings.get(name));
        }

        @Override
        byte[] settingIfAbsent(String name, byte[] value) {
            return settings.computeIfAbsent(name, n -> value);
        }

        @Override
        boolean firstUseOfSignature(String signatureHex, long expiresAtMillis) {
            return signatures.putIfAbsent(signatureHex, expiresAtMillis) == null;
        }

        @Override
        void signaturesUnexpiredAt(long nowMillis, BiConsumer<String, Long> each) {
            signatures.forEach((sig, expires) -> {
                if (expires >= nowMillis) {
                    each.accept(sig, expires);
                }
            });
        }

        @Override
        int forgetSignaturesExpiredBefore(long nowMillis) {
            int before = signatures.size();
            signatures.values().removeIf(e -> e < nowMillis);
            return before - signatures.size();
        }
    }

    private static final KeyScope ANY = new KeyScope(KeyScope.defaultPermissions(), List.of(), null);

    private final FakeClock clock = new FakeClock();
    private final FakeStore store = new FakeStore();
    private final ApiKeys apiKeys = new ApiKeys(store, SkyxSecurityProperties.defaults(), new MockEnvironment(), clock);
    private final SkyxUser alice = new SkyxUser(1, "alice@x.io");

    private ApiKeys.Verification call(ApiKeys.Created key, long ts, String method, String path, String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        String sig = RequestSignature.computeHex(key.secret(), Long.toString(ts), method, path, bytes);
        return apiKeys.verify(key.key(), Long.toString(ts), sig, method, path, bytes, false);
    }

    private ApiKeys.Verification journaled(ApiKeys keys, ApiKeys.Created key, long ts, String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        String sig = RequestSignature.computeHex(key.secret(), Long.toString(ts), "POST", "/api/v1/orders", bytes);
        return keys.verify(key.key(), Long.toString(ts), sig, "POST", "/api/v1/orders", bytes, true);
    }

    private static String code(ApiKeys.Verification v) {
        return v.error() == null ? "OK" : v.error().code();
    }

    @Test
    void acceptsAGoodSignatureOnceAndOnlyInsideTheWindow() {
        ApiKeys.Created key = apiKeys.create(alice, "bot", false, ANY).orElseThrow();
        assertThat(key.key()).matches("[0-9a-f]{32}");
        assertThat(key.secret()).matches("[0-9a-f]{64}");
        assertThat(key.toString()).doesNotContain(key.secret());
        long now = clock.millis();

        ApiKeys.Verification ok = call(key, now - 5_000, "GET", "/api/v1/balances", "");
        assertThat(code(ok)).isEqualTo("OK");
        assertThat(ok.key().owner().id()).isEqualTo(alice.id());
        assertThat(code(call(key, now - 5_000, "GET", "/api/v1/balances", ""))).isEqualTo("REPLAYED_REQUEST");
        assertThat(code(call(key, now + 5_000, "GET", "/api/v1/balances", ""))).isEqualTo("OK");
        assertThat(code(call(key, now - 5_001, "GET", "/api/v1/balances", ""))).isEqualTo("TIMESTAMP_OUT_OF_WINDOW");
        assertThat(code(call(key, now + 5_001, "GET", "/api/v1/balances", ""))).isEqualTo("TIMESTAMP_OUT_OF_WINDOW");
    }

    /**
     * An order request's signature is claimed in memory (a second use is refused at once) and written by nobody
     * here: the journal records it with the command. A claim no journal entry recorded is recorded when settled;
     * after a restart every recorded signature is refused again.
     */
    @Test
    void aJournaledClaimIsRefusedTwiceAndRecordedOnlyWhenNoJournalEntryDidIt() {
        ApiKeys.Created key = apiKeys.create(alice, "bot", false, ANY).orElseThrow();
        long now = clock.millis();

        ApiKeys.Verification placed = journaled(apiKeys, key, now, "{\"n\":1}");
        assertThat(code(placed)).isEqualTo("OK");
        assertThat(placed.claim()).isNotNull();
        assertThat(placed.claim().expiresAtMillis()).isEqualTo(now + 5_000);
        assertThat(code(journaled(apiKeys, key, now, "{\"n\":1}"))).isEqualTo("REPLAYED_REQUEST");
        assertThat(store.signatures).as("the journal records it, not the guard").isEmpty();
        placed.claim().recorded();
        apiKeys.settle(placed.claim());
        assertThat(store.signatures).as("recorded by its journal entry: nothing more to write").isEmpty();

        ApiKeys.Verification refused = journaled(apiKeys, key, now, "{\"n\":2}");
        assertThat(code(refused)).isEqualTo("OK");
        apiKeys.settle(refused.claim());
        assertThat(store.signatures).as("no journal entry took it: the guard records it")
                .containsOnlyKeys(refused.claim().signatureHex());

        ApiKeys restarted = new ApiKeys(store, SkyxSecurityProperties.defaults(), new MockEnvironment(), clock);
        assertThat(code(journaled(restarted, key, now, "{\"n\":2}"))).isEqualTo("REPLAYED_REQUEST");
        assertThat(code(journaled(restarted, key, now, "{\"n\":3}"))).isEqualTo("OK");
        assertThat(code(call(key, now, "GET", "/api/v1/balances", ""))).as("other requests are recorded at once")
                .isEqualTo("OK");
        assertThat(store.signatures).hasSize(2);
    }

    @Test
    void theOrderEndpointsAreTheOnesWhoseSignatureTheJournalRecords() {
        assertThat(SignatureClaim.defers("POST", "/api/v1/orders")).isTrue();
        assertThat(SignatureClaim.defers("DELETE", "/api/v1/orders")).isTrue();
        assertThat(SignatureClaim.defers("DELETE", "/api/v1/orders/42")).isTrue();
        assertThat(SignatureClaim.defers("GET", "/api/v1/orders")).isFalse();
        assertThat(SignatureClaim.defers("POST", "/api/v1/orders/42")).isFalse();
        assertThat(SignatureClaim.defers("DELETE", "/api/v1/orders/42/x")).isFalse();
        assertThat(SignatureClaim.defers("POST", "/api/v1/withdrawals")).isFalse();
        assertThat(SignatureClaim.defers("DELETE", "/api/v1/api-keys/42")).isFalse();
    }

    @Test
    void refusesMalformedOrWrongSignaturesWithoutRememberingThem() {
        ApiKeys.Created key = apiKeys.create(alice, null, false, ANY).orElseThrow();
        String ts = Long.toString(clock.millis());
        byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
        String good = RequestSignature.computeHex(key.secret(), ts, "POST", "/api/v1/orders", body);

        assertThat(code(apiKeys.verify(key.key(), null, good, "POST", "/api/v1/orders", body, false))).isEqualTo("BAD_SIGNATURE");
        assertThat(code(apiKeys.verify(key.key(), ts, null, "POST", "/api/v1/orders", body, false))).isEqualTo("BAD_SIGNATURE");
        assertThat(code(apiKeys.verify(key.key(), "12x", good, "POST", "/api/v1/orders", body, false))).isEqualTo("BAD_SIGNATURE");
        assertThat(code(apiKeys.verify(key.key(), "-1", good, "POST", "/api/v1/orders", body, false))).isEqualTo("BAD_SIGNATURE");
        assertThat(code(apiKeys.verify(key.key(), ts, good.toUpperCase(), "POST", "/api/v1/orders", body, false)))
                .isEqualTo("BAD_SIGNATURE");
        assertThat(code(apiKeys.verify(key.key(), ts, good, "POST", "/api/v1/orders", "{ }".getBytes(StandardCharsets.UTF_8), false)))
                .isEqualTo("BAD_SIGNATURE");
        assertThat(code(apiKeys.verify(key.key(), ts, good, "PUT", "/api/v1/orders", body, false))).isEqualTo("BAD_SIGNATURE");
        assertThat(code(apiKeys.verify("f".repeat(32), ts, good, "POST", "/api/v1/orders", body, false)))
                .isEqualTo("UNAUTHENTICATED");
        assertThat(code(apiKeys.verify("not-a-key", ts, good, "POST", "/api/v1/orders", body, false)))
                .isEqualTo("UNAUTHENTICATED");
        assertThat(code(apiKeys.verify(key.key(), ts, good, "POST", "/api/v1/orders", body, false)))
                .as("the refusals above did not use up the signature").isEqualTo("OK");
    }

    @Test
    void anExpiredKeyIsRefusedWithoutUsingUpTheSignature() {
        Instant expiry = clock.instant().plusSeconds(60);
        ApiKeys.Created key = apiKeys.create(alice, null, false,
                new KeyScope(KeyScope.defaultPermissions(), List.of(), expiry)).orElseThrow();
        assertThat(code(call(key, clock.millis(), "GET", "/api/v1/balances", ""))).isEqualTo("OK");
        clock.millis = expiry.toEpochMilli() - 1;
        long ts = clock.millis();
        assertThat(code(call(key, ts, "GET", "/api/v1/orders", ""))).isEqualTo("OK");
        clock.millis = expiry.toEpochMilli();
        ApiKeys.Verification expired = call(key, clock.millis(), "GET", "/api/v1/orders", "");
        assertThat(code(expired)).isEqualTo("UNAUTHENTICATED");
        assertThat(expired.error().message()).contains("expired");
        assertThat(expired.error().status().value()).isEqualTo(401);
    }

    @Test
    void cachesTheKeyBrieflyAndForgetsItOnDelete() {
        ApiKeys.Created key = apiKeys.create(alice, null, false, ANY).orElseThrow();
        assertThat(code(call(key, clock.millis(), "GET", "/a", ""))).isEqualTo("OK");
        assertThat(code(call(key, clock.millis(), "GET", "/b", ""))).isEqualTo("OK");
        assertThat(store.finds).isEqualTo(1);
        clock.millis += 5_000;
        assertThat(code(call(key, clock.millis(), "GET", "/c", ""))).isEqualTo("OK");
        assertThat(store.finds).isEqualTo(2);

        assertThat(apiKeys.delete(new SkyxUser(2, "bob@x.io"), key.key())).as("not Bob's key").isFalse();
        assertThat(code(call(key, clock.millis(), "GET", "/d", ""))).isEqualTo("OK");
        assertThat(apiKeys.delete(alice, key.key())).isTrue();
        assertThat(code(call(key, clock.millis(), "GET", "/e", ""))).isEqualTo("UNAUTHENTICATED");
    }

    @Test
    void limitsKeysPerUserAndSealsSecrets() {
        for (int i = 0; i < 20; i++) {
            assertThat(apiKeys.create(alice, "k" + i, false, ANY)).isPresent();
        }
        assertThat(apiKeys.create(alice, "one too many", false, ANY)).isEmpty();
        assertThat(ApiKeys.labelProblem("x".repeat(65))).contains("at most 64");
        assertThat(ApiKeys.labelProblem("a\nb")).contains("control");
        assertThat(ApiKeys.labelProblem("x".repeat(64))).isNull();
        assertThatThrownBy(() -> apiKeys.create(new SkyxUser(3, "c@x.io"), "x".repeat(65), false, ANY))
                .isInstanceOf(IllegalArgumentException.class);
        store.keys.values().forEach(k -> assertThat(new String(k.secretBox(), StandardCharsets.ISO_8859_1))
                .doesNotContainPattern("[0-9a-f]{64}"));
    }

    @Test
    void aConfiguredEncryptionKeyIsCheckedAndTheProdProfileNeedsOne() {
        SkyxSecurityProperties bad = new SkyxSecurityProperties(null, null, "c2hvcnQ=", null, null, null, null, null,
                null, null);
        assertThatThrownBy(() -> new ApiKeys(new FakeStore(), bad, new MockEnvironment(), clock))
                .hasMessageContaining("32 bytes");
        MockEnvironment prod = new MockEnvironment();
        prod.setActiveProfiles("prod");
        assertThatThrownBy(() -> new ApiKeys(new FakeStore(), SkyxSecurityProperties.defaults(), prod, clock))
                .hasMessageContaining("prod profile needs");
        String key32 = java.util.Base64.getEncoder().encodeToString(new byte[32]);
        SkyxSecurityProperties good = new SkyxSecurityProperties(null, null, key32, null, null, null, null, null, null,
                null);
        FakeStore s = new FakeStore();
        new ApiKeys(s, good, prod, clock);
        assertThat(s.settings).as("nothing generated when a key is configured").isEmpty();
    }
}
