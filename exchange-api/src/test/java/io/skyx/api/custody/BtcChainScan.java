package io.skyx.api.custody;

import static org.assertj.core.api.Assertions.assertThat;

import io.skyx.custody.btc.regtest.BcoinRpc;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.bitcoinj.base.Address;
import org.bitcoinj.base.AddressParser;
import org.bitcoinj.base.BitcoinNetwork;
import org.bitcoinj.core.Block;
import org.bitcoinj.core.Transaction;
import org.bitcoinj.core.TransactionOutput;
import org.bitcoinj.script.ScriptBuilder;

/** Scans bcoin's regtest chain (every block of the best chain, or the mempool) for payments to an address. */
final class BtcChainScan {

    private BtcChainScan() {
    }

    /** The txids of every confirmed transaction paying {@code address}; each such output must be {@code sats}. */
    static List<String> paying(BcoinRpc rpc, String address, long sats) {
        byte[] script = script(address);
        List<String> out = new ArrayList<>();
        int tip = rpc.blockCount();
        for (int h = 0; h <= tip; h++) {
            Block b = Block.read(ByteBuffer.wrap(HexFormat.of().parseHex(rpc.rawBlock(h))));
            for (Transaction tx : b.getTransactions()) {
                for (TransactionOutput o : tx.getOutputs()) {
                    if (Arrays.equals(o.getScriptBytes(), script)) {
                        assertThat(o.getValue().value).as("the amount paid").isEqualTo(sats);
                        out.add(tx.getTxId().toString());
                    }
                }
            }
        }
        return out;
    }

    /** The txids of mempool transactions paying {@code address}. */
    static List<String> mempoolPaying(BcoinRpc rpc, String address) {
        byte[] script = script(address);
        List<String> out = new ArrayList<>();
        for (String txid : rpc.mempool()) {
            String hex = rpc.rawTransaction(txid);
            if (hex == null) {
                continue;
            }
            Transaction tx = Transaction.read(ByteBuffer.wrap(HexFormat.of().parseHex(hex)));
            if (tx.getOutputs().stream().anyMatch(o -> Arrays.equals(o.getScriptBytes(), script))) {
                out.add(txid);
            }
        }
        return out;
    }

    private static byte[] script(String address) {
        Address a = AddressParser.getDefault(BitcoinNetwork.REGTEST).parseAddress(address);
        return ScriptBuilder.createOutputScript(a).program();
    }
}
