package io.skyx.api.security;

import java.security.SecureRandom;
import java.time.InstantSource;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.http.HttpStatus;

/**
 * API keys: creation (the secret is returned once), listing, deletion, and verification of signed requests
 * (window, signature, replay). Verification returns a result, never throws, for expected failures.
 * A bean made by {@link SecurityConfig}.
 */
class ApiKeys {

    /** A new key with its secret, to be shown once. */
    record Created(String key, String secret) {
        @Override
        public String toString() {
            return "Created[" + key + "]";
        }
    }

    /**
     * The outcome of verifying a signed request: an owner, or an error; {@code claim} for a request whose
     * signature the journal records ({@link SignatureClaim}), else null.
     */
    record Verification(ApiKeyStore.StoredKey key, SecurityError error, SignatureClaim claim) {
        static Verification ok(ApiKeyStore.StoredKey key, SignatureClaim claim) {
            return new Verification(key, null, claim);
        }

        static Verification fail(String code, String message) {
            return new Verification(null, SecurityError.of(HttpStatus.UNAUTHORIZED, code, message), null);
        }
    }

    /** A verified key's owner and its opened secret, cached briefly to spare a database read per request. */
    private record CachedKey(ApiKeyStore.StoredKey key, String secret, long loadedAtMillis) {
        @Override
        public String toString() {
            return "CachedKey[" + key + "]";
        }
    }

    static final String MASTER_KEY_SETTING = "api-key-encryption-key";
    private static final long CACHE_TTL_MILLIS = 5_000;
    private static final int CACHE_MAX = 10_000;
    private static final Logger log = LoggerFactory.getLogger(ApiKeys.class);
    private static final HexFormat HEX = HexFormat.of();
    private static final int MAX_LABEL = 64;

    private final ApiKeyStore store;
    private final SecretBox box;
    private final ReplayGuard replays;
    private final InstantSource clock;
    private final long windowMillis;
    private final int maxKeysPerUser;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, CachedKey> cache = new ConcurrentHashMap<>();

    ApiKeys(ApiKeyStore store, SkyxSecurityProperties props, Environment env, InstantSource clock) {
        this.store = store;
        this.clock = clock;
        this.windowMillis = props.signatureWindow().toMillis();
        this.maxKeysPerUser = props.maxApiKeysPerUser();
        this.replays = new ReplayGuard(windowMillis, store, clock.millis());
        this.box = new SecretBox(masterKey(props, env, store, random), random);
    }

    private static byte[] masterKey(SkyxSecurityProperties props, Environment env, ApiKeyStore store,
                                    SecureRandom random) {
        if (props.apiKeyEncryptionKey() != null) {
            byte[] key;
            try {
                key = Base64.getDecoder().decode(props.apiKeyEncryptionKey());
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("skyx.security.api-key-encryption-key is not valid base64");
            }
            if (key.length != SecretBox.KEY_BYTES) {
                throw new IllegalStateException("skyx.security.api-key-encryption-key must be base64 of "
                        + SecretBox.KEY_BYTES + " bytes, got " + key.length);
            }
            return key;
        }
        if (env.acceptsProfiles(Profiles.of("prod"))) {
            throw new IllegalStateException("the prod profile needs skyx.security.api-key-encryption-key "
                    + "(base64 of 32 random bytes, e.g. from `openssl rand -base64 32`)");
        }
        byte[] fresh = new byte[SecretBox.KEY_BYTES];
        random.nextBytes(fresh);
        log.warn("skyx.security.api-key-encryption-key is not set: API-key secrets are encrypted with a key kept "
                + "in the database (development only; set it in production)");
        return store.settingIfAbsent(MASTER_KEY_SETTING, fresh);
    }

    /** The box sealing secrets at rest (for {@link SealedSecrets}). */
    SecretBox secretBox() {
        return box;
    }

    /** Creates a key for {@code user}; empty if the user already holds the maximum number of keys. */
    Optional<Created> create(SkyxUser user, String label, boolean operator, KeyScope scope) {
        byte[] id = new byte[16];
        byte[] secret = new byte[32];
        random.nextBytes(id);
        random.nextBytes(secret);
        String keyId = HEX.formatHex(id);
        String secretHex = HEX.formatHex(secret);
        String cleanLabel = label == null || label.isBlank() ? null : label.strip();
        if (labelProblem(cleanLabel) != null) {
            throw new IllegalArgumentException(labelProblem(cleanLabel));
        }
        boolean inserted = store.insert(keyId, user.id(), box.seal(secretHex, keyId), cleanLabel, operator,
                scope, maxKeysPerUser);
        return inserted ? Optional.of(new Created(keyId, secretHex)) : Optional.empty();
    }

    /** Why {@code label} (stripped, may be null) is not acceptable, or null if it is. */
    static String labelProblem(String label) {
        if (label == null) {
            return null;
        }
        if (label.length() > MAX_LABEL) {
            return "label must have at most " + MAX_LABEL + " characters";
        }
        if (label.chars().anyMatch(Character::isISOControl)) {
            return "label must not contain control characters";
        }
        return null;
    }

    List<ApiKeyStore.KeyInfo> list(SkyxUser user) {
        return store.list(user.id());
    }

    boolean delete(SkyxUser user, String keyId) {
        boolean deleted = store.delete(keyId, user.id());
        cache.remove(keyId);
        return deleted;
    }

    /** The clock's time (the expiry of a new key must be after it). */
    java.time.Instant now() {
        return clock.instant();
    }

    int maxKeysPerUser() {
        return maxKeysPerUser;
    }

    /**
     * Verifies one signed request; the body is the exact bytes received. With {@code journaled} its signature is
     * claimed for the journal to record with the request's command ({@link SignatureClaim}; {@link #settle} it once
     * the request is done) instead of recorded now.
     */
    Verification verify(String keyId, String timestamp, String signature, String method, String pathWithQuery,
                        byte[] body, boolean journaled) {
        if (timestamp == null || timestamp.isBlank()) {
            return Verification.fail("BAD_SIGNATURE", "missing header X-SKYX-TIMESTAMP");
        }
        if (signature == null || signature.isBlank()) {
            return Verification.fail("BAD_SIGNATURE", "missing header X-SKYX-SIGNATURE");
        }
        long ts = parseMillis(timestamp);
        if (ts < 0) {
            return Verification.fail("BAD_SIGNATURE", "X-SKYX-TIMESTAMP must be epoch milliseconds");
        }
        long now = clock.millis();
        if (Math.abs(now - ts) > windowMillis) {
            return Verification.fail("TIMESTAMP_OUT_OF_WINDOW",
                    "X-SKYX-TIMESTAMP is more than " + windowMillis / 1000 + " s from the server time " + now);
        }
        byte[] presented = RequestSignature.parse(signature);
        if (presented == null) {
            return Verification.fail("BAD_SIGNATURE", "X-SKYX-SIGNATURE must be 64 lowercase hex digits");
        }
        if (!isKeyId(keyId)) {
            return Verification.fail("UNAUTHENTICATED", "unknown API key");
        }
        CachedKey known = lookUp(keyId, now);
        if (known == null) {
            return Verification.fail("UNAUTHENTICATED", "unknown API key");
        }
        String secret = known.secret();
        byte[] expected = RequestSignature.compute(secret, timestamp, method, pathWithQuery, body);
        if (!RequestSignature.matches(expected, presented)) {
            return Verification.fail("BAD_SIGNATURE", "the signature does not match the request");
        }
        if (known.key().scope().expiredAt(clock.instant())) {
            return Verification.fail("UNAUTHENTICATED", "this API key expired at " + known.key().scope().expiresAt());
        }
        SignatureClaim claim = null;
        if (journaled) {
            claim = replays.claim(signature, ts, now);
            if (claim == null) {
                return replayed();
            }
        } else if (!replays.firstSeen(signature, ts, now)) {
            return replayed();
        }
        return Verification.ok(known.key(), claim);
    }

    /** Records a claimed signature that its request's command did not record (see {@link ReplayGuard#settle}). */
    void settle(SignatureClaim claim) {
        replays.settle(claim);
    }

    private static Verification replayed() {
        return Verification.fail("REPLAYED_REQUEST", "this signed request was already received");
    }

    /**
     * The key and its opened secret: from the cache if read within the last few seconds, else from the database.
     * A key deleted on this instance is gone at once; on another instance within {@code CACHE_TTL_MILLIS}.
     */
    private CachedKey lookUp(String keyId, long now) {
        CachedKey cached = cache.get(keyId);
        if (cached != null && now - cached.loadedAtMillis() < CACHE_TTL_MILLIS) {
            return cached;
        }
        Optional<ApiKeyStore.StoredKey> stored = store.find(keyId);
        if (stored.isEmpty()) {
            cache.remove(keyId);
            return null;
        }
        String secret = box.open(stored.get().secretBox(), keyId);
        if (secret == null) {
            log.warn("API key {} cannot be decrypted (was the encryption key changed?)", keyId);
            return null;
        }
        if (cache.size() >= CACHE_MAX) {
            cache.clear();
        }
        CachedKey fresh = new CachedKey(stored.get(), secret, now);
        cache.put(keyId, fresh);
        return fresh;
    }

    private static boolean isKeyId(String keyId) {
        if (keyId == null || keyId.length() != 32) {
            return false;
        }
        for (int i = 0; i < keyId.length(); i++) {
            char c = keyId.charAt(i);
            if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
                return false;
            }
        }
        return true;
    }

    private static long parseMillis(String s) {
        if (s.length() > 15) {
            return -1;
        }
        long v = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }
}
