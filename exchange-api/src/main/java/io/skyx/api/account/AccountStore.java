package io.skyx.api.account;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The account-security tables of migration V1_8_0. */
@Repository
class AccountStore {

    /** A user's TOTP row; {@code secretSealed} is the sealed base32 secret. */
    record TwoFactorRow(byte[] secretSealed, boolean enabled, long lastStep, int failures, Instant blockedUntil) {
        @Override
        public String toString() {
            return "TwoFactorRow[enabled=" + enabled + ", lastStep=" + lastStep + "]";
        }
    }

    /** A whitelist entry. */
    record Entry(long id, String asset, String address, String label, Instant createdAt, Instant usableAt) { }

    /** An auto-sweep setting. */
    record Sweep(String asset, String address, long minimum, Instant usableAt) { }

    private final JdbcTemplate jdbc;

    AccountStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Optional<TwoFactorRow> twoFactor(long userId) {
        return jdbc.query("select secret_sealed, enabled, last_step, failures, blocked_until from account_two_factor"
                + " where user_id = ?", (rs, i) -> new TwoFactorRow(rs.getBytes(1), rs.getBoolean(2), rs.getLong(3),
                rs.getInt(4), instant(rs, 5)), userId).stream().findFirst();
    }

    /** Starts (or restarts) a pending enrolment; false if 2FA is already on. */
    boolean putPending(long userId, byte[] sealed) {
        return jdbc.update("insert into account_two_factor (user_id, secret_sealed) values (?, ?)"
                + " on conflict (user_id) do update set secret_sealed = excluded.secret_sealed, last_step = -1,"
                + " created_at = now() where account_two_factor.enabled = false", userId, sealed) == 1;
    }

    /** Records that the code of {@code step} was used: false if a code of that step or a later one already was. */
    boolean useStep(long userId, long step, boolean enable) {
        return jdbc.update("update account_two_factor set last_step = ?, failures = 0,"
                + " enabled = enabled or ?, enabled_at = case when ? and not enabled then now() else enabled_at end"
                + " where user_id = ? and last_step < ?", step, enable, enable, userId, step) == 1;
    }

    /** Counts a wrong code; from {@code maxFailures} on, blocks until {@code blockUntil} and starts again. */
    void fail(long userId, int maxFailures, Instant blockUntil) {
        jdbc.update("update account_two_factor set"
                + " blocked_until = case when failures + 1 >= ? then ? else blocked_until end,"
                + " failures = case when failures + 1 >= ? then 0 else failures + 1 end where user_id = ?",
                maxFailures, Timestamp.from(blockUntil), maxFailures, userId);
    }

    void deleteTwoFactor(long userId) {
        jdbc.update("delete from account_two_factor where user_id = ?", userId);
    }

    boolean whitelistOn(long userId) {
        return Boolean.TRUE.equals(jdbc.query("select whitelist_on from account_settings where user_id = ?",
                (rs, i) -> rs.getBoolean(1), userId).stream().findFirst().orElse(false));
    }

    void setWhitelistOn(long userId, boolean on) {
        jdbc.update("insert into account_settings (user_id, whitelist_on) values (?, ?) on conflict (user_id)"
                + " do update set whitelist_on = excluded.whitelist_on, updated_at = now()", userId, on);
    }

    List<Entry> whitelist(long userId) {
        return jdbc.query("select id, asset, address, label, created_at, usable_at from account_whitelist"
                + " where user_id = ? order by id", (rs, i) -> entry(rs), userId);
    }

    Optional<Entry> whitelisted(long userId, String asset, String address) {
        return jdbc.query("select id, asset, address, label, created_at, usable_at from account_whitelist"
                + " where user_id = ? and asset = ? and address = ?", (rs, i) -> entry(rs), userId, asset, address)
                .stream().findFirst();
    }

    /** Adds an entry; empty if the user already has it. */
    Optional<Entry> addWhitelisted(long userId, String asset, String address, String label, Instant usableAt) {
        return jdbc.query("insert into account_whitelist (user_id, asset, address, label, usable_at)"
                + " values (?, ?, ?, ?, ?) on conflict do nothing"
                + " returning id, asset, address, label, created_at, usable_at", (rs, i) -> entry(rs),
                userId, asset, address, label, Timestamp.from(usableAt)).stream().findFirst();
    }

    boolean removeWhitelisted(long userId, long id) {
        return jdbc.update("delete from account_whitelist where user_id = ? and id = ?", userId, id) == 1;
    }

    List<Sweep> sweeps(long userId) {
        return jdbc.query("select asset, address, minimum, usable_at from account_auto_sweep where user_id = ?"
                + " order by asset", (rs, i) -> sweep(rs), userId);
    }

    Optional<Sweep> sweep(long userId, String asset) {
        return jdbc.query("select asset, address, minimum, usable_at from account_auto_sweep"
                + " where user_id = ? and asset = ?", (rs, i) -> sweep(rs), userId, asset).stream().findFirst();
    }

    /** Sets the sweep; a changed address starts a new cool-off, a changed minimum alone does not. */
    Sweep putSweep(long userId, String asset, String address, long minimum, Instant usableAt) {
        return jdbc.queryForObject("insert into account_auto_sweep (user_id, asset, address, minimum, usable_at)"
                + " values (?, ?, ?, ?, ?) on conflict (user_id, asset) do update set minimum = excluded.minimum,"
                + " usable_at = case when account_auto_sweep.address = excluded.address"
                + " then account_auto_sweep.usable_at else excluded.usable_at end,"
                + " address = excluded.address, updated_at = now()"
                + " returning asset, address, minimum, usable_at", (rs, i) -> sweep(rs),
                userId, asset, address, minimum, Timestamp.from(usableAt));
    }

    boolean deleteSweep(long userId, String asset) {
        return jdbc.update("delete from account_auto_sweep where user_id = ? and asset = ?", userId, asset) == 1;
    }

    private static Entry entry(ResultSet rs) throws SQLException {
        return new Entry(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), instant(rs, 5),
                instant(rs, 6));
    }

    private static Sweep sweep(ResultSet rs) throws SQLException {
        return new Sweep(rs.getString(1), rs.getString(2), rs.getLong(3), instant(rs, 4));
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
