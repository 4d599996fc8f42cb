package io.skyx.api.custody;

import io.skyx.api.faucet.OnChainFaucet;
import io.skyx.api.security.SkyxUser;
import io.skyx.api.web.Acks;
import io.skyx.custody.btc.BtcCustody;
import io.skyx.custody.btc.regtest.BcoinAddresses;
import io.skyx.custody.btc.regtest.BcoinNode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
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
 * other deposit (a few seconds). A repeated {@code Idempotency-Key} returns the first payment.
 */
@RestController
@Tag(name = "faucet (local profile)")
@Profile("local")
@ConditionalOnBean({BcoinNode.class, BtcCustody.class})
class RegtestFaucetController implements OnChainFaucet {

    private static final long GRANT = 1_000_000L;

    private final BcoinNode bcoin;
    private final BtcCustody btc;
    private final Map<String, Payment> paid = new ConcurrentHashMap<>();

    RegtestFaucetController(BcoinNode bcoin, BtcCustody btc) {
        this.bcoin = bcoin;
        this.btc = btc;
    }

    /** What the faucet paid on chain. */
    record Payment(String txid, String address, String amount, int confirmations) {
    }

    @PostMapping("/api/v1/faucet/btc")
    @Operation(summary = "Pay 0.01 test BTC on regtest to the user's deposit address and confirm it (local profile)")
    Payment pay(@AuthenticationPrincipal SkyxUser user,
                @RequestHeader(name = "Idempotency-Key", required = false) String key) {
        return payTo(Acks.userId(user), key);
    }

    @Override
    public String asset() {
        return "BTC";
    }

    @Override
    public boolean pay(long userId, String idempotencyKey) {
        boolean repeat = idempotencyKey != null && paid.containsKey(userId + ":" + idempotencyKey);
        payTo(userId, idempotencyKey);
        return !repeat;
    }

    private synchronized Payment payTo(long userId, String key) {
        if (key != null) {
            Payment p = paid.get(userId + ":" + key);
            if (p != null) {
                return p;
            }
        }
        String address = btc.depositAddress(userId);
        String txid = bcoin.rpc().walletSend(BcoinAddresses.toBcoin(
                AddressParser.getDefault(btc.wallet().network()).parseAddress(address)), GRANT);
        int n = btc.policy().confirmations();
        bcoin.rpc().mine(n);
        Payment p = new Payment(txid, address, CustodyController.amount(GRANT, io.skyx.custody.platform.CustodyAsset.BTC), n);
        if (key != null) {
            paid.put(userId + ":" + key, p);
        }
        return p;
    }
}
