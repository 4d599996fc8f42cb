package io.skyx.api.settlement;

import io.skyx.api.reserves.PoolFunding;
import io.skyx.api.sequencer.Command;
import io.skyx.api.sequencer.CommandResult;
import io.skyx.api.sequencer.Sequencer;
import java.math.BigInteger;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import javax.sql.DataSource;

/**
 * Pays a settled epoch through the {@link Sequencer}, step by step, each step persisted: first
 * {@code FundSettlementPool(SKY, pool − carry_in, key epoch)} (the carried remainder is already in the pool
 * account) through {@link PoolFunding}, which submits it only if the proven on-chain surplus covers it: otherwise
 * the epoch waits (its {@code funding_wait} code, {@code POOL_UNBACKED} or {@code NO_RESERVES}, with the surplus
 * and the amount, in the answer and the row), nothing is credited or paid, and the next run asks again; then {@code CreditSettlementPayout(user, SKY, amount, key "epoch:relay")} for every pending
 * {@code ledger} payout. Each command has its idempotency key, so after a crash between the journal commit and
 * the state update the re-submission returns the original result ({@code repeated}) and moves no money again.
 * Then the {@code chain} payouts through {@link ChainPayouts} (batched SKY transactions from the hot wallet) when
 * SKY custody runs; without it they stay {@code pending}.
 */
public final class SettlementPayouts {
    private final DataSource db;
    private final Sequencer sequencer;
    private final PoolFunding funding;
    private final int skyAssetId;
    private final ChainPayouts chain;

    /**
     * What a payout run did; {@code paidOnChain} chain payouts became confirmed in this run, {@code pendingOnChain}
     * are not confirmed yet, {@code waitingForWallet} of them are in batches waiting for the hot wallet
     * ({@code WALLET_SHORT}), {@code undoneBatches} batches the network definitely refused were undone in this run
     * (their payouts batched again); {@code fundingWait} is set when the pool funding was refused (nothing else was
     * done then).
     */
    public record Result(long epoch, boolean funded, int credited, int refused, int paidOnChain, int pendingOnChain,
                         int waitingForWallet, int undoneBatches, FundingWait fundingWait) {
    }

    /**
     * Why an epoch's pool is not funded yet: {@code code} ({@link PoolFunding#POOL_UNBACKED},
     * {@link PoolFunding#NO_RESERVES}), the {@code amount} to fund and the proven {@code surplus} (null without
     * reserves), in base units.
     */
    public record FundingWait(String code, long amount, Long surplus) {
    }

    SettlementPayouts(DataSource db, Sequencer sequencer, PoolFunding funding, int skyAssetId, ChainPayouts chain) {
        this.db = db;
        this.sequencer = sequencer;
        this.funding = funding;
        this.skyAssetId = skyAssetId;
        this.chain = chain;
    }

    /** Whether chain payouts are paid (SKY custody runs), not left pending. */
    boolean paysOnChain() {
        return chain != null;
    }

    /** Funds and pays what is still pending of a settled epoch; a no-op for a fully paid one. */
    public Result pay(long epoch) throws SQLException {
        long fundAmount;
        boolean funded;
        try (Connection c = db.getConnection();
             PreparedStatement ps = c.prepareStatement("select pool - carry_in, funded_seq from skywire_settlement"
                     + " where epoch = ?")) {
            ps.setLong(1, epoch);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalStateException("epoch " + epoch + " is not settled");
                }
                fundAmount = rs.getLong(1);
                rs.getLong(2);
                funded = !rs.wasNull();
            }
        }
        if (!funded && fundAmount > 0) {
            PoolFunding.Decision d = funding.fund(skyAssetId, fundAmount, "skywire:" + epoch);
            if (!d.submitted()) {
                FundingWait wait = new FundingWait(d.code(), d.amount(), d.surplus() == null ? null
                        : d.surplus().max(BigInteger.valueOf(Long.MIN_VALUE)).min(BigInteger.valueOf(Long.MAX_VALUE))
                        .longValueExact());
                waiting(epoch, wait);
                return new Result(epoch, false, 0, 0, 0, (int) chainUnpaid(epoch), 0, 0, wait);
            }
            CommandResult r = d.result();
            if (!r.ok()) {
                throw new IllegalStateException("FundSettlementPool for epoch " + epoch + " refused: " + r.code());
            }
            update("update skywire_settlement set funded_seq = ?, funding_wait = null, funding_surplus = null,"
                    + " funding_checked_at = now() where epoch = ?", r.seq(), epoch);
        }
        record Pending(String key, long userId, long amount) {
        }
        List<Pending> pending = new ArrayList<>();
        try (Connection c = db.getConnection();
             PreparedStatement ps = c.prepareStatement("select payout_key, user_id, amount, method from skywire_payout"
                     + " where epoch = ? and state = 'pending' order by payout_key")) {
            ps.setLong(1, epoch);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (rs.getString(4).equals("ledger")) {
                        pending.add(new Pending(rs.getString(1), rs.getLong(2), rs.getLong(3)));
                    }
                }
            }
        }
        int credited = 0;
        int refused = 0;
        for (Pending p : pending) {
            CommandResult r = submit(new Command.CreditSettlementPayout(p.userId(), skyAssetId, p.amount(), p.key()));
            boolean ok = r.ok();
            try (Connection c = db.getConnection();
                 PreparedStatement ps = c.prepareStatement("update skywire_payout set state = ?, result = ?"
                         + " where payout_key = ? and state = 'pending'")) {
                ps.setString(1, ok ? "done" : "refused");
                ps.setString(2, "seq " + r.seq() + " " + r.code() + (r.repeated() ? " (repeated)" : ""));
                ps.setString(3, p.key());
                ps.executeUpdate();
            }
            if (ok) {
                credited++;
            } else {
                refused++;
            }
        }
        long before = chainUnpaid(epoch);
        int undone = chain == null ? 0 : chain.pay(epoch).undone();
        long after = chainUnpaid(epoch);
        return new Result(epoch, true, credited, refused, (int) (before - after), (int) after,
                (int) count("select count(*) from skywire_payout p join skywire_chain_batch b using (batch_id)"
                        + " where p.epoch = ? and p.state = 'batched' and b.state = 'built' and b.reason = '"
                        + ChainPayouts.WALLET_SHORT + "'", epoch), undone, null);
    }

    private void waiting(long epoch, FundingWait wait) throws SQLException {
        try (Connection c = db.getConnection();
             PreparedStatement ps = c.prepareStatement("update skywire_settlement set funding_wait = ?,"
                     + " funding_surplus = ?, funding_checked_at = now() where epoch = ? and funded_seq is null")) {
            ps.setString(1, wait.code());
            ps.setObject(2, wait.surplus(), Types.BIGINT);
            ps.setLong(3, epoch);
            ps.executeUpdate();
        }
    }

    private long chainUnpaid(long epoch) throws SQLException {
        return count("select count(*) from skywire_payout where epoch = ? and method = 'chain'"
                + " and state in ('pending', 'batched')", epoch);
    }

    private long count(String sql, long epoch) throws SQLException {
        try (Connection c = db.getConnection();
             PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, epoch);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private CommandResult submit(Command command) {
        return submit(sequencer, command);
    }

    /** Submits {@code command} and waits for its durable result. */
    static CommandResult submit(Sequencer sequencer, Command command) {
        try {
            return sequencer.submit(command).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while paying", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("the sequencer refused the payout command: " + e.getCause(), e.getCause());
        }
    }

    private void update(String sql, long a, long b) throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, a);
            ps.setLong(2, b);
            ps.executeUpdate();
        }
    }
}
