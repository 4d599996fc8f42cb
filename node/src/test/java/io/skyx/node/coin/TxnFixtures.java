package io.skyx.node.coin;

import io.skyx.node.cipher.Address;
import io.skyx.node.cipher.CipherException;
import io.skyx.node.cipher.SHA256;
import io.skyx.node.cipher.SecKey;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Deterministic keys and helpers that build signed transactions for rule tests. */
public final class TxnFixtures {
    private TxnFixtures() {
    }

    /** @return a fixed secret key derived from {@code label} (SHA-256 of it; valid with overwhelming odds) */
    public static SecKey key(String label) {
        try {
            return SecKey.of(SHA256.sum(label.getBytes(StandardCharsets.UTF_8)).bytes());
        } catch (CipherException e) {
            throw new IllegalStateException(e);
        }
    }

    public static Address address(SecKey key) {
        return Address.fromSecKey(key);
    }

    /** @return an unspent output owned by {@code owner}, created at {@code time} in block 1 */
    public static UxOut unspent(SecKey owner, long coins, long hours, long time, String srcLabel) {
        return new UxOut(new UxHead(time, 1),
                new UxBody(SHA256.sum(srcLabel.getBytes(StandardCharsets.UTF_8)), address(owner), coins, hours));
    }

    /** @return a transaction spending {@code inputs} (each signed by {@code key}) into {@code outputs} */
    public static Transaction spend(List<UxOut> inputs, SecKey key, List<TransactionOutput> outputs) {
        List<SHA256> ids = inputs.stream().map(UxOut::id).toList();
        List<SecKey> keys = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            keys.add(key);
        }
        return Transaction.unsigned(ids, outputs).sign(keys);
    }

    public static TransactionOutput out(SecKey to, long coins, long hours) {
        return new TransactionOutput(address(to), coins, hours);
    }
}
