package io.skyx.node.cipher;

import static org.assertj.core.api.Assertions.assertThat;

import io.skyx.node.encoding.DecodeError;
import io.skyx.node.encoding.DecodeException;
import io.skyx.node.encoding.Decoder;
import io.skyx.node.encoding.Encoder;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/** Round trips of the fixed-size cipher codecs and base58 forms; random input only raises the codec's own error. */
class CipherCodecPropertiesTest {

    @Property(tries = 200)
    void hashSigAddressRoundTrip(@ForAll @Size(32) byte[] h, @ForAll @Size(65) byte[] s, @ForAll @Size(20) byte[] key,
                                 @ForAll byte version) throws Exception {
        SHA256 hash = SHA256.of(h);
        Sig sig = Sig.of(s);
        Address addr = Address.of(version & 0xFF, key);
        Encoder e = new Encoder(SHA256.SIZE + Sig.SIZE + Address.SIZE);
        hash.writeTo(e);
        sig.writeTo(e);
        addr.writeTo(e);
        byte[] bytes = e.toByteArray();
        assertThat(bytes).hasSize(118);
        assertThat(bytes[97]).isEqualTo(version);
        Decoder d = new Decoder(bytes);
        assertThat(SHA256.read(d)).isEqualTo(hash);
        assertThat(Sig.read(d)).isEqualTo(sig);
        assertThat(Address.read(d)).isEqualTo(addr);
        d.requireEnd();
        assertThat(SHA256.fromHex(hash.hex())).isEqualTo(hash);
        assertThat(Sig.fromHex(sig.hex())).isEqualTo(sig);
        if (version == 0) {
            assertThat(Address.parse(addr.toString())).isEqualTo(addr);
        }
    }

    @Property(tries = 50)
    void keysRoundTripThroughTheirForms(@ForAll @Size(32) byte[] candidate) throws Exception {
        if (!Secp256k1.isValidScalar(candidate)) {
            return;
        }
        SecKey sec = SecKey.of(candidate);
        PubKey pub = sec.pubKey();
        Encoder e = new Encoder(PubKey.SIZE);
        pub.writeTo(e);
        assertThat(PubKey.read(new Decoder(e.toByteArray()))).isEqualTo(pub);
        assertThat(PubKey.fromHex(pub.hex())).isEqualTo(pub);
        assertThat(SecKey.fromHex(sec.revealHex())).isEqualTo(sec);
        assertThat(Wif.decode(Wif.encode(sec))).isEqualTo(sec);
        assertThat(BitcoinAddress.parse(BitcoinAddress.fromPubKey(pub).toString()))
                .isEqualTo(BitcoinAddress.fromPubKey(pub));
    }

    @Property(tries = 300)
    void base58RoundTrips(@ForAll @Size(max = 64) byte[] bytes) throws Exception {
        assertThat(Base58.decode(Base58.encode(bytes).isEmpty() ? "1" : Base58.encode(bytes)))
                .isEqualTo(bytes.length == 0 ? new byte[]{0} : bytes);
    }

    @Test
    void merkleFollowsSkycoinsZeroPadding() {
        SHA256 a = SHA256.sum(new byte[]{1});
        SHA256 b = SHA256.sum(new byte[]{2});
        SHA256 c = SHA256.sum(new byte[]{3});
        assertThat(SHA256.merkle(List.of())).isEqualTo(SHA256.NULL);
        assertThat(SHA256.merkle(List.of(a))).isEqualTo(a);
        assertThat(SHA256.merkle(List.of(a, b))).isEqualTo(SHA256.addSHA256(a, b));
        assertThat(SHA256.merkle(List.of(a, b, c))).isEqualTo(
                SHA256.addSHA256(SHA256.addSHA256(a, b), SHA256.addSHA256(c, SHA256.NULL)));
        byte[] ab = new byte[64];
        System.arraycopy(a.bytes(), 0, ab, 0, 32);
        System.arraycopy(b.bytes(), 0, ab, 32, 32);
        assertThat(SHA256.addSHA256(a, b)).isEqualTo(SHA256.sum(ab));
        assertThat(a.xor(b).xor(b)).isEqualTo(a);
    }

    @Test
    void randomBytesOnlyRaiseTheCodecsOwnErrors() {
        long seed = Long.getLong("skyx.test.seed", System.nanoTime());
        System.out.println("CipherCodecPropertiesTest.randomBytes: seed=" + seed
                + " (replay with -Dskyx.test.seed=" + seed + ")");
        Random random = new Random(seed);
        int invalidKeys = 0;
        for (int n = 0; n < 3000; n++) {
            byte[] junk = new byte[random.nextInt(40)];
            random.nextBytes(junk);
            if (junk.length > 0 && random.nextBoolean()) {
                junk[0] = (byte) (2 + random.nextInt(2));
            }
            try {
                PubKey.read(new Decoder(junk));
            } catch (DecodeException e) {
                assertThat(e.error()).isIn(DecodeError.SHORT_BUFFER, DecodeError.INVALID_VALUE);
                invalidKeys += e.error() == DecodeError.INVALID_VALUE ? 1 : 0;
            }
            try {
                Address.read(new Decoder(junk));
                SHA256.read(new Decoder(junk));
                Sig.read(new Decoder(junk));
            } catch (DecodeException e) {
                assertThat(e.error()).isEqualTo(DecodeError.SHORT_BUFFER);
            }
            String text = randomText(random);
            for (Parser parser : List.<Parser>of(Address::parse, BitcoinAddress::parse, Wif::decode,
                    ExtendedKey::parse, SecKey::fromHex, PubKey::fromHex, Sig::fromHex, SHA256::fromHex)) {
                try {
                    parser.parse(text);
                } catch (CipherException expected) {
                    assertThat(expected.error()).isNotNull();
                }
            }
        }
        System.out.println("random 33-byte keys rejected as invalid points: " + invalidKeys);
    }

    @FunctionalInterface
    interface Parser {
        Object parse(String s) throws CipherException;
    }

    private static String randomText(Random random) {
        char[] alphabet = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz0OIl+/ \u00e9".toCharArray();
        char[] out = new char[random.nextInt(120)];
        for (int i = 0; i < out.length; i++) {
            out[i] = alphabet[random.nextInt(alphabet.length)];
        }
        return random.nextInt(4) == 0 ? Arrays.toString(out).replaceAll("[^0-9a-f]", "") : new String(out);
    }
}
