package io.skyx.custody.btc.regtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.skyx.custody.testing.Regtest;
import java.net.InetSocketAddress;
import java.net.Socket;
import org.bitcoinj.base.LegacyAddress;
import org.junit.jupiter.api.Test;

/** The regtest launcher: a node on free loopback ports, mining and paying over RPC, stopped by close. */
class BcoinNodeIT {

    @Test
    void startsOnLoopbackActivatesSegwitAndStopsCleanly() throws Exception {
        BcoinNode node = Regtest.start();
        BcoinRpc rpc = node.rpc();
        try {
            assertThat(node.p2pAddress().getAddress().isLoopbackAddress()).isTrue();
            assertThat(rpc.blockCount()).isGreaterThanOrEqualTo(BcoinNode.SEGWIT_BLOCKS);
            String legacy = rpc.walletNewAddress();
            assertThat(BcoinAddresses.fromBcoin(legacy)).isInstanceOf(LegacyAddress.class);
            assertThat(BcoinAddresses.toBcoin(BcoinAddresses.fromBcoin(legacy))).isEqualTo(legacy);
            String seg = rpc.walletNewWitnessAddress();
            assertThat(seg).startsWith("rb1q");
            assertThat(BcoinAddresses.fromBcoin(seg).toString()).startsWith("bcrt1q");
            String txid = rpc.walletSend(seg, 12_345);
            assertThat(rpc.mempool()).contains(txid);
            rpc.mine(1);
            assertThat(rpc.walletCoins(seg)).singleElement().satisfies(c -> assertThat(c.value()).isEqualTo(12_345));
            try (Socket s = new Socket()) {
                s.connect(node.p2pAddress(), 2000);
            }
        } finally {
            node.close();
        }
        assertThat(node.isAlive()).isFalse();
        InetSocketAddress p2p = node.p2pAddress();
        assertThatThrownBy(() -> {
            try (Socket s = new Socket()) {
                s.connect(p2p, 2000);
            }
        }).isInstanceOf(java.io.IOException.class);
        assertThatThrownBy(rpc::blockCount).isInstanceOf(IllegalStateException.class);
    }
}
