package io.skyx.custody.reconcile;

import io.skyx.custody.deposit.Observation;
import io.skyx.custody.reserve.ReserveWallet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.ToIntFunction;

/** One asset's wallet as the chain shows it (BTC: bitcoinj's wallet; SKY: the node's address index). */
public interface ChainView {

    /** Every output ever paid to one of {@code addresses}, with its depth (0 once it left the best chain). */
    List<Observation> observe(Set<String> addresses);

    /** The depth of a transaction of the wallet on the best chain: 0 when it is not in a block, -1 when it lost. */
    int confirmations(String txid);

    /** The txids of the confirmed transactions that spend coins of the wallet's addresses. */
    Set<String> spends();

    /** The wallet's confirmed holdings at one block. */
    ReserveWallet.Holdings holdings();

    /** A view made of a wallet's methods. */
    static ChainView of(Function<Set<String>, List<Observation>> observe, ToIntFunction<String> confirmations,
                        Supplier<Set<String>> spends, Supplier<ReserveWallet.Holdings> holdings) {
        return new ChainView() {
            @Override
            public List<Observation> observe(Set<String> addresses) {
                return observe.apply(addresses);
            }

            @Override
            public int confirmations(String txid) {
                return confirmations.applyAsInt(txid);
            }

            @Override
            public Set<String> spends() {
                return spends.get();
            }

            @Override
            public ReserveWallet.Holdings holdings() {
                return holdings.get();
            }
        };
    }
}
