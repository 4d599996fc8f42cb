package io.skyx.node.reserves;

import static org.assertj.core.api.Assertions.assertThat;

import io.skyx.node.cipher.Address;
import io.skyx.node.cipher.DeterministicKeys;
import io.skyx.node.cipher.KeyPair;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.bitcoinj.base.BitcoinNetwork;
import org.bitcoinj.base.ScriptType;
import org.bitcoinj.crypto.ECKey;
import org.junit.jupiter.api.Test;

/** Reserve signatures over a fresh challenge, double counting, and the ratio. */
class SolvencyTest {
    private static final SnapshotRef SKY_3 = new SnapshotRef("SKY", 3);
    private static final SnapshotRef BTC_3 = new SnapshotRef("BTC", 3);
    private static final String ROOT = "ab".repeat(32);

    private static ProofError errorOf(Runnable r) {
        try {
            r.run();
        } catch (ProofException e) {
            return e.error();
        }
        return null;
    }

    private static KeyPair skyKey(int i) {
        try {
            return DeterministicKeys.keyPair(("reserve-seed-" + i).getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        } catch (io.skyx.node.cipher.CipherException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Solvency.SignatureCheck checker() {
        return (r, c) -> {
            if (r.asset().equals("SKY")) {
                ReserveSignatures.verifySky(c, r.address(), r.signature());
            } else {
                ReserveSignatures.verifyBtc(c, BitcoinNetwork.REGTEST, r.address(), r.signature());
            }
        };
    }

    @Test
    void signedReservesAgainstLiabilities() {
        ReserveChallenge sky = ReserveChallenge.fresh(SKY_3, ROOT, new SplittableRandom(1));
        ReserveChallenge btc = ReserveChallenge.fresh(BTC_3, ROOT, new SplittableRandom(2));
        KeyPair k = skyKey(0);
        String skyAddr = k.address().toString();
        ECKey bk = ECKey.fromPrivate(BigInteger.valueOf(123456789));
        String btcAddr = bk.toAddress(ScriptType.P2WPKH, BitcoinNetwork.REGTEST).toString();
        List<Solvency.Reserve> reserves = List.of(
                new Solvency.Reserve("SKY", skyAddr, true, 1_000_000, ReserveSignatures.signSky(sky, k.sec())),
                new Solvency.Reserve("BTC", btcAddr, false, 50_000, ReserveSignatures.signBtc(btc, bk, ScriptType.P2WPKH)));
        Map<String, Solvency.Position> pos = Solvency.check(
                Map.of("SKY", Value128.ofLeaf(900_000), "BTC", Value128.ofLeaf(60_000)),
                new java.util.LinkedHashMap<>(Map.of("SKY", sky, "BTC", btc)), reserves, checker());
        assertThat(pos.get("SKY").solvent()).isTrue();
        assertThat(pos.get("SKY").ratioPpm()).isEqualTo(1_111_111L);
        assertThat(pos.get("SKY").hot()).isEqualTo(BigInteger.valueOf(1_000_000));
        assertThat(pos.get("BTC").solvent()).isFalse();
        assertThat(pos.get("BTC").ratioPpm()).isEqualTo(833_333L);
        assertThat(pos.get("BTC").cold()).isEqualTo(BigInteger.valueOf(50_000));
    }

    @Test
    void aSignatureOverAStaleChallengeIsRefused() {
        KeyPair k = skyKey(1);
        String addr = k.address().toString();
        ReserveChallenge old = ReserveChallenge.fresh(new SnapshotRef("SKY", 2), ROOT, new SplittableRandom(5));
        ReserveChallenge now = ReserveChallenge.fresh(SKY_3, ROOT, new SplittableRandom(6));
        String staleSig = ReserveSignatures.signSky(old, k.sec());
        ReserveSignatures.verifySky(old, addr, staleSig);
        assertThat(errorOf(() -> ReserveSignatures.verifySky(now, addr, staleSig))).isEqualTo(ProofError.BAD_SIGNATURE);
        ReserveChallenge sameSnapshotOtherNonce = ReserveChallenge.fresh(SKY_3, ROOT, new SplittableRandom(7));
        assertThat(errorOf(() -> ReserveSignatures.verifySky(sameSnapshotOtherNonce, addr,
                ReserveSignatures.signSky(now, k.sec())))).isEqualTo(ProofError.BAD_SIGNATURE);
        ECKey bk = ECKey.fromPrivate(BigInteger.valueOf(99));
        String btcAddr = bk.toAddress(ScriptType.P2PKH, BitcoinNetwork.REGTEST).toString();
        ReserveChallenge btcOld = ReserveChallenge.fresh(new SnapshotRef("BTC", 2), ROOT, new SplittableRandom(8));
        ReserveChallenge btcNow = ReserveChallenge.fresh(BTC_3, ROOT, new SplittableRandom(9));
        String btcStale = ReserveSignatures.signBtc(btcOld, bk, ScriptType.P2PKH);
        ReserveSignatures.verifyBtc(btcOld, BitcoinNetwork.REGTEST, btcAddr, btcStale);
        assertThat(errorOf(() -> ReserveSignatures.verifyBtc(btcNow, BitcoinNetwork.REGTEST, btcAddr, btcStale)))
                .isEqualTo(ProofError.BAD_SIGNATURE);
        assertThat(errorOf(() -> ReserveSignatures.verifyBtc(btcNow, BitcoinNetwork.MAINNET, btcAddr, btcStale)))
                .isEqualTo(ProofError.MALFORMED);
    }

    @Test
    void aReserveCountedTwiceIsRefusedWithinAndAcrossAssets() {
        KeyPair k = skyKey(2);
        String addr = k.address().toString();
        ReserveChallenge sky = ReserveChallenge.fresh(SKY_3, ROOT, new SplittableRandom(3));
        ReserveChallenge btc = ReserveChallenge.fresh(BTC_3, ROOT, new SplittableRandom(4));
        String sig = ReserveSignatures.signSky(sky, k.sec());
        Map<String, ReserveChallenge> challenges = Map.of("SKY", sky, "BTC", btc);
        assertThat(errorOf(() -> Solvency.check(Map.of(), challenges, List.of(
                new Solvency.Reserve("SKY", addr, true, 10, sig), new Solvency.Reserve("SKY", addr, false, 10, sig)),
                checker()))).isEqualTo(ProofError.DUPLICATE_RESERVE);
        assertThat(errorOf(() -> Solvency.check(Map.of(), challenges, List.of(
                new Solvency.Reserve("SKY", addr, true, 10, sig), new Solvency.Reserve("BTC", addr, true, 10, sig)),
                (r, c) -> { }))).isEqualTo(ProofError.DUPLICATE_RESERVE);
    }
}
