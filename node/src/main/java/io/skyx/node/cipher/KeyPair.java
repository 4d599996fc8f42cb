package io.skyx.node.cipher;

import java.util.Objects;

/**
 * A public/secret key pair. {@link #toString()} shows only the public key and address.
 *
 * @param pub the public key of {@code sec}
 * @param sec the secret key
 */
public record KeyPair(PubKey pub, SecKey sec) {
    /** Checks that {@code pub} belongs to {@code sec}. */
    public KeyPair {
        Objects.requireNonNull(pub, "pub");
        Objects.requireNonNull(sec, "sec");
        if (!sec.pubKey().equals(pub)) {
            throw new IllegalArgumentException("public key does not match the secret key");
        }
    }

    /** @return the pair of {@code sec} and its public key */
    public static KeyPair of(SecKey sec) {
        return new KeyPair(sec.pubKey(), sec);
    }

    /** @return the Skycoin address of the public key */
    public Address address() {
        return Address.fromPubKey(pub);
    }

    @Override
    public String toString() {
        return "KeyPair[pub=" + pub + ", address=" + address() + ", sec=" + sec + "]";
    }
}
