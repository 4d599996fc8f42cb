package io.skyx.node.cipher;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * {@link Cipher#recoversTo} (one verification against a known key) answers exactly "does {@code pubKeyFromSig}
 * give this key": on every golden signature of the shared Skycoin vectors and their variants, and on random
 * signatures with every recid, S flipped, R or S out of range, and signatures whose R has an x at or above n
 * (recid bit 2), against the true key, the key recovery gives and an unrelated key.
 */
class RecoversToTest {

    /** recoversTo(sig, hash, candidate) must be exactly pubKeyFromSig(sig, hash) == candidate. */
    private static int agree(Sig sig, SHA256 hash, List<PubKey> candidates) {
        Optional<PubKey> recovered = Cipher.pubKeyFromSig(sig, hash);
        List<PubKey> all = new ArrayList<>(candidates);
        recovered.ifPresent(all::add);
        int positives = 0;
        for (PubKey c : all) {
            boolean expected = recovered.map(c::equals).orElse(false);
            assertThat(Cipher.recoversTo(sig, hash, c)).as("sig %s hash %s candidate %s", sig, hash, c)
                    .isEqualTo(expected);
            positives += expected ? 1 : 0;
        }
        return positives;
    }

    private static List<Sig> variants(Sig sig) {
        BigInteger n = Secp256k1.N;
        BigInteger r = sig.r();
        BigInteger s = sig.s();
        List<Sig> out = new ArrayList<>();
        for (int recid = 0; recid < 4; recid++) {
            out.add(Sig.of(r, s, recid));
            out.add(Sig.of(r, n.subtract(s), recid));
        }
        out.add(Sig.of(r, BigInteger.ZERO, sig.recid()));
        out.add(Sig.of(BigInteger.ZERO, s, sig.recid()));
        out.add(Sig.of(n, s, sig.recid()));
        out.add(Sig.of(r, n, sig.recid()));
        out.add(Sig.of(r.add(BigInteger.ONE), s, sig.recid()));
        return out;
    }

    @Test
    void agreesWithRecoveryOnEveryGoldenSignatureAndItsVariants() throws Exception {
        List<SHA256> hashes = Vectors.inputHashes();
        List<String> files = new ArrayList<>(Vectors.goldenFiles("seed-"));
        assertThat(files).hasSizeGreaterThanOrEqualTo(10);
        PubKey unrelated = SecKey.of(SHA256.sum(new byte[]{42}).bytes()).pubKey();
        int golden = 0;
        for (String file : files) {
            for (JsonNode key : Vectors.json(file).get("keys")) {
                PubKey pub = PubKey.fromHex(key.get("public").asString());
                JsonNode sigs = key.get("signatures");
                for (int j = 0; j < sigs.size(); j++) {
                    Sig sig = Sig.fromHex(sigs.get(j).asString());
                    SHA256 h = hashes.get(j);
                    assertThat(Cipher.recoversTo(sig, h, pub)).as(file).isTrue();
                    assertThat(Cipher.recoversTo(sig, h, unrelated)).as(file).isFalse();
                    assertThat(Cipher.recoversTo(sig, hashes.get((j + 1) % hashes.size()), pub)).as(file).isFalse();
                    golden++;
                    if (j < 2) {
                        for (Sig v : variants(sig)) {
                            agree(v, h, List.of(pub, unrelated));
                        }
                    }
                }
            }
        }
        assertThat(golden).isEqualTo(950);
    }

    @Test
    void agreesWithRecoveryOnRandomSignaturesAndTheirVariants() {
        long seed = System.nanoTime();
        System.out.println("RecoversToTest seed " + seed);
        Random rnd = new Random(seed);
        int positives = 0;
        for (int k = 0; k < 60; k++) {
            byte[] b = new byte[32];
            rnd.nextBytes(b);
            SecKey sec = SecKey.ofValid(SHA256.sum(b).bytes());
            rnd.nextBytes(b);
            SHA256 h = SHA256.sum(b);
            Sig sig = Cipher.signHash(h, sec);
            PubKey other = SecKey.ofValid(SHA256.sum(h.bytes()).bytes()).pubKey();
            for (Sig v : variants(sig)) {
                positives += agree(v, h, List.of(sec.pubKey(), other));
            }
        }
        assertThat(positives).as("recid 0 and 1, with S and n - S, always recover a key").isGreaterThanOrEqualTo(60 * 4);
    }

    /**
     * A signature whose R has x = r + n (possible only for r &lt; p − n, about 2^128): recovery with recid bit 2
     * set lifts x = r + n, without it x = r, and the two keys differ; recoversTo must tell them apart by the full
     * x, not x mod n as ECDSA verification would.
     */
    @Test
    void distinguishesRecidBitTwoByTheFullX() {
        long seed = System.nanoTime();
        System.out.println("RecoversToTest recid-2 seed " + seed);
        Random rnd = new Random(seed);
        BigInteger n = Secp256k1.N;
        BigInteger pMinusN = Secp256k1.P.subtract(n);
        int found = 0;
        while (found < 20) {
            BigInteger r = new BigInteger(pMinusN.bitLength(), rnd).mod(pMinusN);
            if (r.signum() == 0 || Secp256k1.liftX(r.add(n), false) == null) {
                continue;
            }
            BigInteger s = new BigInteger(256, rnd).mod(n.shiftRight(1)).add(BigInteger.ONE);
            byte[] hb = new byte[32];
            rnd.nextBytes(hb);
            SHA256 h = SHA256.sum(hb);
            for (int parity = 0; parity < 2; parity++) {
                Sig high = Sig.of(r, s, 2 | parity);
                Sig low = Sig.of(r, s, parity);
                Optional<PubKey> qHigh = Cipher.pubKeyFromSig(high, h);
                assertThat(qHigh).isPresent();
                assertThat(Cipher.recoversTo(high, h, qHigh.get())).isTrue();
                assertThat(Cipher.recoversTo(low, h, qHigh.get())).isFalse();
                agree(low, h, List.of(qHigh.get()));
                agree(high, h, Cipher.pubKeyFromSig(low, h).map(List::of).orElse(List.of()));
            }
            found++;
        }
    }
}
