package io.skyx.custody.btc.regtest;

import io.skyx.custody.btc.BtcWallet;
import io.skyx.custody.withdrawal.HotWallet;
import java.nio.ByteBuffer;
import org.bitcoinj.core.Transaction;

/** Broadcasts through bcoin's RPC (bcoin ignores a transaction pushed over P2P without an inv). */
public final class BcoinBroadcaster implements BtcWallet.Broadcaster {

    private final BcoinRpc rpc;

    /** A broadcaster through this node. */
    public BcoinBroadcaster(BcoinRpc rpc) {
        this.rpc = rpc;
    }

    @Override
    public void send(String rawHex) throws HotWallet.BroadcastException {
        try {
            rpc.sendRawTransaction(rawHex);
        } catch (IllegalStateException e) {
            String txid = Transaction.read(ByteBuffer.wrap(java.util.HexFormat.of().parseHex(rawHex))).getTxId().toString();
            if (rpc.rawTransaction(txid) != null) {
                return;
            }
            String m = String.valueOf(e.getMessage());
            boolean definite = m.contains("missingorspent") || m.contains("conflict") || m.contains("double");
            throw new HotWallet.BroadcastException(m, definite);
        }
    }
}
