package io.skyx.api.sequencer;

import io.skyx.engine.AccountKind;
import io.skyx.engine.WithdrawalView;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.springframework.stereotype.Component;

/** One asset's position in the ledger as the engine holds it, read in one query on the sequencer's thread. */
@Component
public class LedgerPositions {

    /**
     * @param sequence the last command applied
     * @param owed     what users are owed of the asset (available + locked + withdrawing)
     * @param pending  the asked withdrawals still pending: id → amount held (fee included)
     * @param pool     what the settlement pool holds of the asset (funded, not yet credited or paid on chain)
     */
    public record Position(long sequence, long owed, Map<Long, Long> pending, long pool) {
        /** Defensive copy. */
        public Position {
            pending = Map.copyOf(pending);
        }
    }

    private final Sequencer sequencer;
    private final KeyIndex index;

    LedgerPositions(Sequencer sequencer, KeyIndex index) {
        this.sequencer = sequencer;
        this.index = index;
    }

    /** Whether a command with this idempotency key is durable in the journal (applied or refused). */
    public boolean journaled(String key) {
        return index.byKey(key).isPresent();
    }

    /**
     * What users are owed of one asset ({@link Sequencer#owedToUsers}) and which of {@code withdrawalIds} are
     * withdrawals of that asset still pending (reserved, neither completed nor refunded) with the amount each
     * holds, and what the settlement pool holds, all as of the latest durable command.
     */
    public CompletableFuture<Position> position(int assetId, long[] withdrawalIds) {
        long[] ids = withdrawalIds.clone();
        return sequencer.query(e -> {
            long pool = e.systemBalance(AccountKind.SETTLEMENT_POOL, assetId);
            long owed = -Math.addExact(Math.addExact(e.systemBalance(AccountKind.RESERVE, assetId),
                    e.systemBalance(AccountKind.FEES, assetId)), pool);
            Map<Long, Long> pending = new HashMap<>();
            for (long id : ids) {
                WithdrawalView w = e.pendingWithdrawal(id);
                if (w != null && w.assetId() == assetId) {
                    pending.put(id, w.amount());
                }
            }
            return new Position(e.lastSequence(), owed, pending, pool);
        });
    }
}
