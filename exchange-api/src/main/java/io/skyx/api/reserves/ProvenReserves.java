package io.skyx.api.reserves;

import io.skyx.api.market.Asset;
import io.skyx.custody.reserve.ReserveWallet;
import java.math.BigInteger;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * One asset's proven reserves against its position, read in the order that can only err low (ChainReserves): what
 * is owed, in flight and in the settlement pool at one journal point, which withdrawals are mined, then the
 * wallet's holdings at its best block. A cold address counts only once it is proven in the asset's latest snapshot
 * ({@link ColdProofs}); the rest is {@code unprovenCold}.
 */
@Component
class ProvenReserves {

    /** What was read: the ledger position, the wallet's block, the coverage, and the cold coins not proven. */
    record Reading(ChainReserves.Position position, long height, String blockHash, Coverage coverage,
                   BigInteger unprovenCold) {
    }

    private final ChainReserves chains;
    private final ColdProofs coldProofs;

    ProvenReserves(ChainReserves chains, ColdProofs coldProofs) {
        this.chains = chains;
        this.coldProofs = coldProofs;
    }

    /** The asset's reading now, or empty when its custody does not run (no wallet: nothing proven). */
    Optional<Reading> read(Asset a) {
        return read(a, () -> { });
    }

    /**
     * As {@link #read(Asset)}, running {@code afterLedger} between the journal point and the wallet read (to read
     * more that must come after the ledger and before the wallet).
     */
    Optional<Reading> read(Asset a, Runnable afterLedger) {
        ReserveWallet w = chains.wallets().get(a.code());
        if (w == null) {
            return Optional.empty();
        }
        ChainReserves.Position p = chains.position(a);
        afterLedger.run();
        ReserveWallet.Holdings h = w.holdings();
        BigInteger hot = BigInteger.ZERO;
        BigInteger cold = BigInteger.ZERO;
        BigInteger unproven = BigInteger.ZERO;
        Set<String> proven = null;
        for (ReserveWallet.Holding x : h.addresses()) {
            BigInteger balance = BigInteger.valueOf(x.balance());
            if (x.kind() == ReserveWallet.Kind.HOT) {
                hot = hot.add(balance);
                continue;
            }
            proven = proven != null ? proven : coldProofs.proven(a.code());
            if (proven.contains(x.address())) {
                cold = cold.add(balance);
            } else {
                unproven = unproven.add(balance);
            }
        }
        Coverage c = new Coverage(a.code(), hot, cold, BigInteger.valueOf(p.owed()),
                BigInteger.valueOf(p.inFlight().pending()), BigInteger.valueOf(p.inFlight().mined()));
        return Optional.of(new Reading(p, h.height(), h.blockHash(), c, unproven));
    }
}
