package io.skyx.api.custody;

import io.skyx.api.faucet.FaucetPayments;
import io.skyx.api.faucet.OnChainFaucet;
import io.skyx.api.security.SkyxUser;
import io.skyx.api.web.Acks;
import io.skyx.custody.btc.BtcCustody;
import io.skyx.custody.btc.regtest.BcoinAddresses;
import io.skyx.custody.btc.regtest.BcoinNode;
import io.skyx.custody.platform.CustodyAsset;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.bitcoinj.base.AddressParser;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.context.annotation.Profile;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Local profile with the bcoin regtest node: test BTC arrive as a real deposit. The node's own wallet pays 0.01 BTC
 * to the user's deposit address and mines the blocks that confirm it; the deposit watcher then credits it like any
 * other deposit (a few seconds). A repeated {@code Idempotency-Key} returns the first payment, also after a
 * restart ({@link FaucetPayments}; its txid is null when a crash interrupted that payment).
 */
@RestController
@Tag(name = "faucet (local profile)")
@Profile("local")
@ConditionalOnBean({BcoinNode.class, BtcCustody.class})
class RegtestFaucetController implements OnChainFaucet {

    private static final long GRANT = 1_000_000L;

    private final BcoinNode bcoin;
    private final BtcCustody btc;
    private final FaucetPayments payments;

    RegtestFaucetController(BcoinNode bcoin, BtcCustody btc, FaucetPayments payments) {
        this.bcoin = bcoin;
        this.btc = btc;
        this.payments = payments;
    }

    /** What the faucet paid on chain. */
    record Payment(String txid, String address, String amount, int confirmations) {
    }

    @PostMapping("/api/v1/faucet/btc")
    @Operation(summary = "Pay 0.01 test BTC on regtest to the user's deposit address and confirm it (local profile)")
    Payment pay(@AuthenticationPrincipal SkyxUser user,
                @RequestHeader(name = "Idempotency-Key", required = false) String key) {
        return payTo(Acks.userId(user), key).payment();
    }

    @Override
    public String asset() {
        return "BTC";
    }

    @Override
    public long grant() {
        return GRANT;
    }

    @Override
    public boolean pay(long userId, String idempotencyKey) {
        return payTo(userId, idempotencyKey).fresh();
    }

    private Paid payTo(long userId, String key) {
        String address = btc.depositAddress(userId);
        int n = btc.policy().confirmations();
        if (key != null && !payments.claim(userId, key, asset(), address, GRANT)) {
            FaucetPayments.Payment p = payments.find(userId, key, asset()).orElseThrow();
            return new Paid(new Payment(p.txid(), p.address(), amount(p.amount()), n), false);
        }
        String txid;
        try {
            txid = send(address, n);
        } catch (RuntimeException e) {
            if (key != null) {
                payments.release(userId, key, asset());
            }
            throw e;
        }
        if (key != null) {
            payments.paid(userId, key, asset(), txid);
        }
        return new Paid(new Payment(txid, address, amount(GRANT), n), true);
    }

    /** Pays {@link #GRANT} from the node's wallet and mines the blocks that confirm it (one payment at a time). */
    private synchronized String send(String address, int confirmations) {
        String txid = bcoin.rpc().walletSend(BcoinAddresses.toBcoin(
                AddressParser.getDefault(btc.wallet().network()).parseAddress(address)), GRANT);
        bcoin.rpc().mine(confirmations);
        return txid;
    }

    private static String amount(long satoshis) {
        return CustodyController.amount(satoshis, CustodyAsset.BTC);
    }

    private record Paid(Payment payment, boolean fresh) {
    }
}
