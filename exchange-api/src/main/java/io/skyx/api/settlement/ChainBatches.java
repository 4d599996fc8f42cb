package io.skyx.api.settlement;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.skyx.api.reserves.PoolOutflows;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What operators see of the on-chain payout batches: the batches of an epoch with their state and reason code
 * (the admin API), and the metrics {@code skyx.skywire.chain.waiting.batches} / {@code .waiting.droplets} (batches
 * waiting for the hot wallet and what they need), {@code skyx.skywire.chain.open.batches} (not confirmed nor
 * undone), and the counter {@code skyx.skywire.chain.undone} (batches undone by this process). The gauges read the
 * database, so they hold across restarts. As {@link PoolOutflows} it tells the pool's funding guard which SKY
 * payouts are signed and not confirmed (their coins may still be in the hot wallet while the pool no longer holds
 * them).
 */
final class ChainBatches implements PoolOutflows {
    private static final Logger LOG = LoggerFactory.getLogger(ChainBatches.class);

    /** One batch as the admin API shows it. Amounts in droplets. */
    record Batch(String batchId, String state, String reason, long total, Integer payouts, String txid, Long needed,
                 Long spendable, Long ledgerSeq, Long undoSeq, String lastError, Instant createdAt,
                 Instant updatedAt) {
    }

    /** The chain payouts of an epoch: {@code waiting} when a batch waits for the hot wallet. */
    record View(long epoch, boolean waiting, long waitingDroplets, List<Batch> batches) {
    }

    private final DataSource db;
    private final Counter undone;

    ChainBatches(DataSource db, MeterRegistry meters) {
        this.db = db;
        this.undone = Counter.builder("skyx.skywire.chain.undone")
                .description("on-chain payout batches the network definitely refused, undone (payouts repaid)")
                .register(meters);
        Gauge.builder("skyx.skywire.chain.waiting.batches", this,
                        b -> b.number("select count(*) from skywire_chain_batch where state = 'built' and reason = '"
                                + ChainPayouts.WALLET_SHORT + "'"))
                .description("payout batches waiting for the SKY hot wallet (WALLET_SHORT)").register(meters);
        Gauge.builder("skyx.skywire.chain.waiting.droplets", this,
                        b -> b.number("select coalesce(sum(needed), 0) from skywire_chain_batch where state = 'built'"
                                + " and reason = '" + ChainPayouts.WALLET_SHORT + "'"))
                .description("droplets the batches waiting for the SKY hot wallet need").register(meters);
        Gauge.builder("skyx.skywire.chain.open.batches", this,
                        b -> b.number("select count(*) from skywire_chain_batch where state not in ('confirmed',"
                                + " 'undone')"))
                .description("payout batches not yet confirmed (built, signed, broadcast or being undone)")
                .register(meters);
    }

    /**
     * SKY batches signed (so possibly moved in the ledger: the move comes after signing) and neither confirmed nor
     * undone nor already put back into the pool ({@code undo_seq}): txid → total.
     */
    @Override
    public Map<String, Long> unconfirmed(String asset) {
        Map<String, Long> out = new HashMap<>();
        if (!asset.equals("SKY")) {
            return out;
        }
        try (Connection c = db.getConnection();
             PreparedStatement ps = c.prepareStatement("select txid, total from skywire_chain_batch"
                     + " where state in ('signed', 'broadcast', 'refused') and undo_seq is null");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.merge(rs.getString(1), rs.getLong(2), Long::sum);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the open payout batches: " + e, e);
        }
        return out;
    }

    /** Counts one undone batch (the metric). */
    void undone() {
        undone.increment();
    }

    private double number(String sql) {
        try (Connection c = db.getConnection();
             PreparedStatement ps = c.prepareStatement(sql);
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            LOG.debug("chain payout metric: {}", e.toString());
            return Double.NaN;
        }
    }

    /** The batches of {@code epoch}, oldest first. */
    View of(long epoch) throws SQLException {
        List<Batch> out = new ArrayList<>();
        try (Connection c = db.getConnection();
             PreparedStatement ps = c.prepareStatement("select batch_id, state, reason, total, payouts, txid,"
                     + " needed, spendable, ledger_seq, undo_seq, last_error, created_at, updated_at"
                     + " from skywire_chain_batch where epoch = ? order by created_at, batch_id")) {
            ps.setLong(1, epoch);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Batch(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4),
                            rs.getObject(5, Integer.class), rs.getString(6), rs.getObject(7, Long.class),
                            rs.getObject(8, Long.class), rs.getObject(9, Long.class), rs.getObject(10, Long.class),
                            rs.getString(11), rs.getTimestamp(12).toInstant(), rs.getTimestamp(13).toInstant()));
                }
            }
        }
        List<Batch> waiting = out.stream().filter(b -> b.state().equals("built")
                && ChainPayouts.WALLET_SHORT.equals(b.reason())).toList();
        return new View(epoch, !waiting.isEmpty(), waiting.stream().mapToLong(b -> b.needed() == null ? 0
                : b.needed()).sum(), out);
    }
}
