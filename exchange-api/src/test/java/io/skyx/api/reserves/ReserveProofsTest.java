package io.skyx.api.reserves;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.skyx.custody.platform.CustodyAsset;
import io.skyx.custody.reserve.ReserveWallet;
import io.skyx.node.reserves.ProofError;
import io.skyx.node.reserves.ProofException;
import io.skyx.node.reserves.ReserveChallenge;
import io.skyx.node.reserves.SnapshotRef;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.bitcoinj.base.BitcoinNetwork;
import org.bitcoinj.base.ScriptType;
import org.bitcoinj.crypto.ECKey;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The platform refuses to publish reserves a verifier would refuse: a signature by another key than the address's,
 * a signature over another snapshot's challenge. Nothing is read from the database before the signatures are
 * checked (the JdbcTemplate here has no database), so a refusal stores nothing. And the ratio's arithmetic.
 */
class ReserveProofsTest {

    private static final String ROOT = "ab".repeat(32);
    private static final String OLD_ROOT = "cd".repeat(32);

    /** A BTC wallet of one real key whose signatures are made by {@code signer}. */
    private record KeyWallet(ECKey key, BiFunction<ECKey, String, String> signer) implements ReserveWallet {
        String address() {
            return key.toAddress(ScriptType.P2WPKH, BitcoinNetwork.REGTEST).toString();
        }

        @Override
        public CustodyAsset asset() {
            return CustodyAsset.BTC;
        }

        @Override
        public Holdings holdings() {
            return new Holdings(500, "00".repeat(32), List.of(new Holding(address(), Kind.HOT, 1_000)));
        }

        @Override
        public String signMessage(String address, String message) {
            return signer.apply(key, message);
        }
    }

    private static ReserveProofs proofs(ReserveWallet wallet) {
        DefaultListableBeanFactory beans = new DefaultListableBeanFactory();
        beans.registerSingleton("wallet", wallet);
        ChainReserves chains = new ChainReserves(beans.getBeanProvider(ReserveWallet.class),
                beans.getBeanProvider(io.skyx.custody.reserve.ChainAnchor.class), new JdbcTemplate(), null);
        return new ReserveProofs(chains, new JdbcTemplate(), new ColdProofs(new JdbcTemplate()));
    }

    @Test
    void aSignatureByAnotherKeyIsRefused() {
        ECKey other = new ECKey();
        ReserveProofs p = proofs(new KeyWallet(new ECKey(), (k, m) -> other.signMessage(m, ScriptType.P2WPKH)));
        assertThatThrownBy(() -> p.prove(7, Map.of("BTC", ROOT), Map.of("BTC", BigInteger.valueOf(1_000)), Map.of()))
                .isInstanceOfSatisfying(ProofException.class, e -> assertThat(e.error()).isEqualTo(ProofError.BAD_SIGNATURE));
    }

    @Test
    void aSignatureOverAnotherSnapshotsChallengeIsRefused() {
        ReserveChallenge stale = new ReserveChallenge(new SnapshotRef("BTC", 6), OLD_ROOT, "0f".repeat(16));
        ReserveProofs p = proofs(new KeyWallet(new ECKey(),
                (k, m) -> k.signMessage(stale.text(), ScriptType.P2WPKH)));
        assertThatThrownBy(() -> p.prove(7, Map.of("BTC", ROOT), Map.of("BTC", BigInteger.valueOf(1_000)), Map.of()))
                .isInstanceOfSatisfying(ProofException.class, e -> assertThat(e.error()).isEqualTo(ProofError.BAD_SIGNATURE));
    }

    @Test
    void theOwnKeysSignatureOverThisChallengeVerifies() {
        ECKey key = new ECKey();
        KeyWallet w = new KeyWallet(key, (k, m) -> k.signMessage(m, ScriptType.P2WPKH));
        ReserveChallenge c = new ReserveChallenge(new SnapshotRef("BTC", 7), ROOT, "0a".repeat(16));
        ReserveProofs.verify("BTC", c, w.address(), w.signMessage(w.address(), c.text()));
        ReserveChallenge next = new ReserveChallenge(new SnapshotRef("BTC", 8), ROOT, "0a".repeat(16));
        assertThatThrownBy(() -> ReserveProofs.verify("BTC", next, w.address(), w.signMessage(w.address(), c.text())))
                .isInstanceOfSatisfying(ProofException.class, e -> assertThat(e.error()).isEqualTo(ProofError.BAD_SIGNATURE));
        assertThatThrownBy(() -> ReserveProofs.verify("DOGE", c, w.address(), "x"))
                .isInstanceOfSatisfying(ProofException.class, e -> assertThat(e.error()).isEqualTo(ProofError.MALFORMED));
    }

    private static Coverage coverage(long hot, long cold, long owed, long pending, long mined) {
        return new Coverage("BTC", BigInteger.valueOf(hot), BigInteger.valueOf(cold), BigInteger.valueOf(owed),
                BigInteger.valueOf(pending), BigInteger.valueOf(mined));
    }

    @Test
    void theRatioIsIntegerBasisPointsAndAReserveBelowWhatIsOwedIsNotSolvent() {
        assertThat(coverage(600, 400, 1_000, 0, 0).ratioBp()).isEqualTo(10_000);
        assertThat(coverage(600, 400, 1_000, 0, 0).solvent()).isTrue();
        Coverage below = coverage(999_999, 0, 1_000_000, 0, 0);
        assertThat(below.solvent()).isFalse();
        assertThat(below.ratioBp()).isEqualTo(9_999);
        assertThat(Coverage.percent(below.ratioBp())).isEqualTo("99.99");
        assertThat(Coverage.percent(10_000L)).isEqualTo("100.00");
        assertThat(Coverage.percent(5L)).isEqualTo("0.05");
        // a mined withdrawal's coins left the reserves; the users' withdrawing balance still holds them
        Coverage mined = coverage(698_000, 0, 1_000_000, 302_000, 302_000);
        assertThat(mined.solvent()).isTrue();
        assertThat(mined.ratioBp()).isEqualTo(10_000);
        assertThat(coverage(0, 0, 0, 0, 0).ratioBp()).as("nothing owed").isNull();
        assertThat(coverage(0, 0, 0, 0, 0).solvent()).isTrue();
        assertThat(coverage(0, 0, 5, 0, 0).ratioBp()).isZero();
    }
}
