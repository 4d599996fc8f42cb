package io.skyx.api.security;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** API keys in PostgreSQL; secrets are stored sealed by {@link SecretBox}. */
@Repository
class ApiKeyStore {

    /** A key as listed to its owner (no secret); {@code ipAllowList} empty: any address; no expiry: null. */
    record KeyInfo(String key, String label, boolean operator, Instant createdAt, List<String> permissions,
                   List<String> ipAllowList, Instant expiresAt) { }

    /** A key with its sealed secret, its owner and its scope, for verifying a signature. */
    record StoredKey(String keyId, SkyxUser owner, boolean ownerAdmin, boolean operator, byte[] secretBox,
                     KeyScope scope) {
        @Override
        public String toString() {
            return "StoredKey[" + keyId + ", owner=" + owner.id() + "]";
        }
    }

    private final JdbcClient jdbc;

    ApiKeyStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts a key unless the owner already has {@code max} keys; false if at the limit. */
    boolean insert(String keyId, long userId, byte[] secretBox, String label, boolean operator, KeyScope scope,
                   int max) {
        return jdbc.sql("""
                        insert into api_keys (key_id, user_id, secret_box, label, operator, permissions, ip_allow,
                                              expires_at)
                        select :key, :user, :box, :label, :operator, :permissions, :ipAllow, :expiresAt
                        where (select count(*) from api_keys where user_id = :user) < :max""")
                .param("key", keyId)
                .param("user", userId)
                .param("box", secretBox)
                .param("label", label)
                .param("operator", operator)
                .param("permissions", scope.storedPermissions())
                .param("ipAllow", scope.storedIpAllowList())
                .param("expiresAt", scope.expiresAt() == null ? null
                        : OffsetDateTime.ofInstant(scope.expiresAt(), ZoneOffset.UTC))
                .param("max", max)
                .update() == 1;
    }

    List<KeyInfo> list(long userId) {
        return jdbc.sql("""
                        select key_id, label, operator, created_at, permissions, ip_allow, expires_at from api_keys
                        where user_id = :user order by created_at, key_id""")
                .param("user", userId)
                .query((rs, n) -> {
                    KeyScope scope = scope(rs);
                    return new KeyInfo(rs.getString("key_id"), rs.getString("label"), rs.getBoolean("operator"),
                            rs.getObject("created_at", OffsetDateTime.class).toInstant(), scope.permissionNames(),
                            scope.ipAllowList(), scope.expiresAt());
                })
                .list();
    }

    /** Deletes the owner's key; false if there is no such key of this owner. */
    boolean delete(String keyId, long userId) {
        return jdbc.sql("delete from api_keys where key_id = :key and user_id = :user")
                .param("key", keyId)
                .param("user", userId)
                .update() == 1;
    }

    Optional<StoredKey> find(String keyId) {
        return jdbc.sql("""
                        select k.key_id, k.secret_box, k.operator, k.permissions, k.ip_allow, k.expires_at,
                               u.id, u.email, u.admin
                        from api_keys k join users u on u.id = k.user_id where k.key_id = :key""")
                .param("key", keyId)
                .query((rs, n) -> new StoredKey(rs.getString("key_id"),
                        new SkyxUser(rs.getLong("id"), rs.getString("email")), rs.getBoolean("admin"),
                        rs.getBoolean("operator"), rs.getBytes("secret_box"), scope(rs)))
                .optional();
    }

    private static KeyScope scope(ResultSet rs) throws SQLException {
        OffsetDateTime expires = rs.getObject("expires_at", OffsetDateTime.class);
        return KeyScope.stored(rs.getString("permissions"), rs.getString("ip_allow"),
                expires == null ? null : expires.toInstant());
    }

    /** A named security setting, if stored. */
    Optional<byte[]> setting(String name) {
        return jdbc.sql("select value from security_settings where name = :name")
                .param("name", name)
                .query((rs, n) -> rs.getBytes("value"))
                .optional();
    }

    /** Stores a setting unless one of that name exists; returns the stored value (the existing one wins). */
    byte[] settingIfAbsent(String name, byte[] value) {
        jdbc.sql("insert into security_settings (name, value) values (:name, :value) on conflict (name) do nothing")
                .param("name", name)
                .param("value", value)
                .update();
        return setting(name).orElseThrow();
    }

    /**
     * Records an accepted request signature until {@code expiresAtMillis}; false if it is already recorded. The
     * insert commits without waiting for its WAL flush (one statement: {@code set_config(..., true)} sets
     * synchronous_commit for this statement's own transaction only). That keeps the guard durable where it
     * matters: PostgreSQL flushes WAL in order, so every write the request then makes and commits (a journaled
     * command, any row) can only survive a crash together with this record. A replay after a crash can therefore
     * only succeed for a request none of whose effects survived; the signed request no longer waits for two
     * flushes in a row (this one, then its command's journal commit).
     */
    boolean firstUseOfSignature(String signatureHex, long expiresAtMillis) {
        return jdbc.sql("""
                        with async as (select set_config('synchronous_commit', 'off', true))
                        insert into seen_signatures (signature, expires_at_ms) select :sig, :exp from async
                        on conflict (signature) do nothing""")
                .param("sig", signatureHex)
                .param("exp", expiresAtMillis)
                .update() == 1;
    }

    /** Every recorded signature (with its expiry) that has not expired at {@code nowMillis}. */
    void signaturesUnexpiredAt(long nowMillis, BiConsumer<String, Long> each) {
        jdbc.sql("select signature, expires_at_ms from seen_signatures where expires_at_ms >= :now")
                .param("now", nowMillis)
                .query((RowCallbackHandler) rs -> each.accept(rs.getString(1), rs.getLong(2)));
    }

    /** Deletes recorded signatures whose timestamps have left the window. */
    int forgetSignaturesExpiredBefore(long nowMillis) {
        return jdbc.sql("delete from seen_signatures where expires_at_ms < :now").param("now", nowMillis).update();
    }
}
