package io.skyx.node.cipher;

import java.util.Objects;

/** A secret key and its public key. {@link #toString()} shows only the public key and address. */
public final class KeyPair {
    private final PubKey pub;
    private final SecKey sec;

    private KeyPair(PubKey pub, SecKey sec) {
        this.pub = Objects.requireNonNull(pub, "pub");
        this.sec = Objects.requireNonNull(sec, "sec");
    }

    /** @return the pair of {@code sec} and its public key */
    public static KeyPair of(SecKey sec) {
        return new KeyPair(sec.pubKey(), sec);
    }

    /** @return a fresh random key pair */
    public static KeyPair random() {
        return of(SecKey.random());
    }

    /** For derivations that computed {@code pub} from {@code sec} themselves. */
    static KeyPair ofDerived(PubKey pub, SecKey sec) {
        return new KeyPair(pub, sec);
    }

    /** @return the public key */
    public PubKey pub() {
        return pub;
    }

    /** @return the secret key */
    public SecKey sec() {
        return sec;
    }

    /** @return the Skycoin address of the public key */
    public Address address() {
        return Address.fromPubKey(pub);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof KeyPair other && pub.equals(other.pub) && sec.equals(other.sec);
    }

    @Override
    public int hashCode() {
        return pub.hashCode();
    }

    @Override
    public String toString() {
        return "KeyPair[pub=" + pub + ", address=" + address() + ", sec=" + sec + "]";
    }
}
