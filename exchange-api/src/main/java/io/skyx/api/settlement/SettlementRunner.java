package io.skyx.api.settlement;

import io.skyx.api.security.OperatorAudit;
import java.io.Serial;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * One settlement run of an epoch, as the admin API, the operator CLI (through the admin API) and the schedule
 * start it: settle ({@link SettlementJob}, idempotent: a settled epoch returns its stored report), then pay what
 * is still pending ({@link SettlementPayouts}, each payout keyed, so nothing is paid twice), then record the run in
 * the operator audit. One run of an epoch at a time, across threads and processes ({@link EpochPayoutLock#tryHoldRun}):
 * a second run of an epoch that is being run fails at once with {@link AlreadyRunning}, and changes nothing.
 */
final class SettlementRunner {
    /** What settling an epoch did: the settlement (new or stored) and the payout step. */
    record Result(SettlementJob.Summary settlement, SettlementPayouts.Result payouts) {
    }

    /** Another run of the same epoch holds its run lock (the admin API answers 409 {@code ALREADY_RUNNING}). */
    static final class AlreadyRunning extends RuntimeException {
        @Serial
        private static final long serialVersionUID = 1L;

        AlreadyRunning(long epoch) {
            super("a settlement run of epoch " + epoch + " is already running; try again when it has finished");
        }
    }

    private final DataSource db;
    private final SettlementJob job;
    private final SettlementPayouts payouts;
    private final OperatorAudit audit;

    SettlementRunner(DataSource db, SettlementJob job, SettlementPayouts payouts, OperatorAudit audit) {
        this.db = db;
        this.job = job;
        this.payouts = payouts;
        this.audit = audit;
    }

    /** Settles and pays {@code epoch}; {@code actor} is who asked, as the audit shows it. */
    Result run(long epoch, String actor) throws SQLException {
        EpochPayoutLock lock = EpochPayoutLock.tryHoldRun(db, epoch);
        if (lock == null) {
            throw new AlreadyRunning(epoch);
        }
        Result r;
        try {
            r = new Result(job.settle(epoch), payouts.pay(epoch));
        } finally {
            lock.close();
        }
        audit.record(actor, "settlement.run", "epoch " + epoch + " report " + r.settlement().reportHash()
                + (r.settlement().alreadySettled() ? " (already settled)" : ""));
        return r;
    }

    /**
     * The epochs a schedule should run, ascending (each epoch's pool takes the previous epoch's remainder): those
     * before {@code lastEpoch} (inclusive) with a claim and no settlement, and settled ones with a payout still
     * pending by ledger (or not yet confirmed on chain, when chain payouts are paid).
     */
    List<Long> due(long lastEpoch) throws SQLException {
        List<Long> out = new ArrayList<>();
        try (Connection c = db.getConnection();
             PreparedStatement ps = c.prepareStatement("select epoch from skywire_claim c where epoch <= ?"
                     + " and not exists (select 1 from skywire_settlement s where s.epoch = c.epoch)"
                     + " union select epoch from skywire_payout where (state = 'pending' and method = 'ledger')"
                     + (payouts.paysOnChain() ? " or (state in ('pending', 'batched') and method = 'chain')" : "")
                     + " order by 1")) {
            ps.setLong(1, lastEpoch);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getLong(1));
                }
            }
        }
        return out;
    }
}
