package io.skyx.custody.sky;

import io.skyx.node.cipher.Address;
import io.skyx.node.cipher.CipherException;
import io.skyx.node.cipher.DeterministicKeys;
import io.skyx.node.cipher.KeyPair;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The platform's SKY keys: Skycoin's deterministic chain (as a "deterministic" wallet derives it) from the seed
 * text. Key 0 is the hot address; key {@code i + 1} is the deposit address of deposit index {@code i}. The chain is
 * sequential, so keys are derived once, in order, and kept.
 */
public final class SkyKeys {

    private final List<KeyPair> keys = new ArrayList<>();
    private final Map<Address, Integer> byAddress = new HashMap<>();
    private byte[] next;

    /** The chain of {@code seed} (its UTF-8 bytes, as Skycoin's wallets use the seed text). */
    public SkyKeys(String seed) {
        this.next = seed.getBytes(StandardCharsets.UTF_8);
    }

    private synchronized KeyPair key(int i) {
        while (keys.size() <= i) {
            try {
                DeterministicKeys.Step s = DeterministicKeys.iterate(next);
                byAddress.put(s.keyPair().address(), keys.size());
                keys.add(s.keyPair());
                next = s.nextSeed();
            } catch (CipherException e) {
                throw new IllegalStateException("the SKY seed does not derive keys: " + e.getMessage(), e);
            }
        }
        return keys.get(i);
    }

    /** The hot address (key 0). */
    public Address hotAddress() {
        return key(0).address();
    }

    /** The deposit address of deposit index {@code index} (key {@code index + 1}). */
    public Address depositAddress(int index) {
        if (index < 0) {
            throw new IllegalArgumentException("negative deposit index " + index);
        }
        return key(index + 1).address();
    }

    /** The key of an address derived so far, if it is one of these. */
    public synchronized Optional<KeyPair> keyOf(Address address) {
        Integer i = byAddress.get(address);
        return i == null ? Optional.empty() : Optional.of(keys.get(i));
    }
}
