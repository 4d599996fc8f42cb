package io.skyx.api.faucet;

import java.util.Optional;
import org.springframework.context.annotation.Profile;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The local faucet's "already paid" record (table {@code faucet_payments}), keyed by user, idempotency key and
 * asset. A payment is {@link #claim claimed} before it is sent and {@link #paid completed} with its txid after, so
 * that a repeated key, also after a restart, pays nothing more (a claim without a txid, left by a crash between
 * the two, counts as paid: a second payment is never risked).
 */
@Component
@Profile("local")
public class FaucetPayments {

    /** A recorded payment; {@code txid} is null while it is being sent (or when a crash interrupted it). */
    public record Payment(String txid, String address, long amount) {
    }

    private final JdbcTemplate jdbc;

    FaucetPayments(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Claims the key for a payment of {@code amount} to {@code address}; false when it was claimed before. */
    public boolean claim(long userId, String key, String asset, String address, long amount) {
        return jdbc.update("insert into faucet_payments (user_id, idempotency_key, asset, address, amount) "
                + "values (?, ?, ?, ?, ?) on conflict do nothing", userId, key, asset, address, amount) == 1;
    }

    /** Records the txid of a claimed payment. */
    public void paid(long userId, String key, String asset, String txid) {
        jdbc.update("update faucet_payments set txid = ? where user_id = ? and idempotency_key = ? and asset = ?",
                txid, userId, key, asset);
    }

    /** Forgets a claim whose payment failed before anything was sent, so that a retry can pay. */
    public void release(long userId, String key, String asset) {
        jdbc.update("delete from faucet_payments where user_id = ? and idempotency_key = ? and asset = ? "
                + "and txid is null", userId, key, asset);
    }

    /** The payment recorded for the key, if any. */
    public Optional<Payment> find(long userId, String key, String asset) {
        return jdbc.query("select txid, address, amount from faucet_payments where user_id = ? "
                        + "and idempotency_key = ? and asset = ?",
                (rs, i) -> new Payment(rs.getString(1), rs.getString(2), rs.getLong(3)), userId, key, asset)
                .stream().findFirst();
    }
}
