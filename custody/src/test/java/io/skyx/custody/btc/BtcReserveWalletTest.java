package io.skyx.custody.btc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.skyx.custody.platform.CustodyAsset;
import io.skyx.custody.reserve.ReserveWallet;
import io.skyx.custody.testing.Regtest;
import io.skyx.node.reserves.ProofError;
import io.skyx.node.reserves.ProofException;
import io.skyx.node.reserves.ReserveChallenge;
import io.skyx.node.reserves.ReserveSignatures;
import io.skyx.node.reserves.SnapshotRef;
import java.time.Instant;
import java.util.List;
import org.bitcoinj.base.BitcoinNetwork;
import org.bitcoinj.core.NetworkParameters;
import org.junit.jupiter.api.Test;

/**
 * The BTC reserve wallet without a chain (its holdings on a real chain: ReserveProofsIT in exchange-api): the
 * hot wallet's keys sign the challenge in the format verifiers check, and only for the wallet's own P2WPKH
 * addresses; an OP_RETURN anchor larger than 80 bytes is refused before anything is built.
 */
class BtcReserveWalletTest {

    /** Never started: no peer, no chain download (closing a peer group that never started is refused). */
    private final BtcWallet btc = new BtcWallet(BitcoinNetwork.REGTEST, Regtest.MNEMONIC, "",
            Instant.parse("2020-01-01T00:00:00Z"), List.of(), null);
    private final BtcReserveWallet reserves = new BtcReserveWallet(btc, 1, Runnable::run);
    private final ReserveChallenge challenge = new ReserveChallenge(new SnapshotRef("BTC", 4), "ab".repeat(32),
            "0c".repeat(16));

    @Test
    void signsForItsOwnAddressesAsVerifiersCheck() {
        String own = btc.depositAddress(0);
        assertThat(own).isEqualTo("bcrt1q6rz28mcfaxtmd6v789l9rrlrusdprr9pz3cppk");
        String signature = reserves.signMessage(own, challenge.text());
        ReserveSignatures.verifyBtc(challenge, BitcoinNetwork.REGTEST, own, signature);
        String other = btc.depositAddress(1);
        assertThatThrownBy(() -> ReserveSignatures.verifyBtc(challenge, BitcoinNetwork.REGTEST, other, signature))
                .isInstanceOfSatisfying(ProofException.class, e -> assertThat(e.error()).isEqualTo(ProofError.BAD_SIGNATURE));
        ReserveChallenge next = new ReserveChallenge(new SnapshotRef("BTC", 5), challenge.liabilitiesRoot(),
                challenge.nonce());
        assertThatThrownBy(() -> ReserveSignatures.verifyBtc(next, BitcoinNetwork.REGTEST, own, signature))
                .isInstanceOfSatisfying(ProofException.class, e -> assertThat(e.error()).isEqualTo(ProofError.BAD_SIGNATURE));
    }

    @Test
    void refusesAddressesItHasNoKeyFor() {
        // a valid regtest P2WPKH address of another wallet, a P2PKH address, a mainnet address, garbage
        assertThatThrownBy(() -> reserves.signMessage("bcrt1qcr8te4kr609gcawutmrza0j4xv80jy8zeqchgx", "m"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> reserves.signMessage("mipcBbFg9gMiCh81Kj8tqqdgoZub1ZJRfn", "m"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("P2WPKH");
        assertThatThrownBy(() -> reserves.signMessage("bc1qcr8te4kr609gcawutmrza0j4xv80jy8z306fyu", "m"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> reserves.signMessage("not an address", "m")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anUnsyncedWalletHoldsNothingAtGenesis() {
        ReserveWallet.Holdings h = reserves.holdings();
        assertThat(reserves.asset()).isEqualTo(CustodyAsset.BTC);
        assertThat(h.height()).isZero();
        assertThat(h.blockHash()).isEqualTo(NetworkParameters.of(BitcoinNetwork.REGTEST).getGenesisBlock().getHashAsString());
        assertThat(h.addresses()).isEmpty();
        assertThat(h.total()).isZero();
    }

    @Test
    void anAnchorBeyondEightyBytesIsRefused() {
        assertThatThrownBy(() -> reserves.publish(new byte[81])).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("80");
        assertThatThrownBy(() -> reserves.publish(new byte[0])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> reserves.publish(new byte[76])).as("an empty wallet cannot pay the fee")
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("fee");
    }
}
