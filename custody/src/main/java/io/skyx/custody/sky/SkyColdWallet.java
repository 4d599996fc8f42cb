package io.skyx.custody.sky;

import io.skyx.custody.CustodyException;
import io.skyx.custody.cold.ColdSide;
import io.skyx.custody.withdrawal.HotWallet;
import io.skyx.node.cipher.Address;
import io.skyx.node.service.SkycoinNode;
import java.util.List;

/**
 * The SKY cold wallet as the server sees it: the configured cold addresses (no key), read through the embedded
 * node's address index, and the sweep payer: an ordinary hot-wallet transaction paying whole 0.001 SKY to the cold
 * address, its fee in coin hours (so the hot wallet loses exactly the droplets sent).
 */
final class SkyColdWallet implements ColdSide, ColdSide.Payer {

    private final SkycoinNode node;
    private final SkyWallet hot;
    private final List<Address> cold;

    SkyColdWallet(SkycoinNode node, SkyWallet hot, List<Address> cold) {
        this.node = node;
        this.hot = hot;
        this.cold = List.copyOf(cold);
    }

    @Override
    public String address(int index) {
        return cold.get(index % cold.size()).toString();
    }

    @Override
    public List<String> addresses() {
        return cold.stream().map(Address::toString).toList();
    }

    @Override
    public long balance() {
        long sum = 0;
        for (Address a : cold) {
            for (var u : node.store().unspentsOf(a)) {
                sum = Math.addExact(sum, u.body().coins());
            }
        }
        return sum;
    }

    @Override
    public Paid pay(String destination, long excess) {
        long amount = excess - excess % SkyTransactions.DROPLET_STEP;
        if (amount <= 0) {
            throw new CustodyException("SWEEP_TOO_SMALL", "the excess " + excess + " droplets is under 0.001 SKY", null);
        }
        HotWallet.Build b = hot.buildAndSign(List.of(new HotWallet.Payment(destination, amount)));
        if (b instanceof HotWallet.Signed s) {
            return new Paid(s.txid(), s.raw(), amount, 0);
        }
        HotWallet.Short s = (HotWallet.Short) b;
        throw new CustodyException("HOT_WALLET_SHORT", "the SKY hot wallet cannot sign the sweep now: "
                + (s.reason() != null ? s.reason() : s.spendable() + " droplets spendable"), null);
    }
}
