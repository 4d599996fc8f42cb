package io.skyx.node.reserves;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * One asset's liabilities at one snapshot as a Merkle sum tree. Leaves are the accounts' balances (unsigned,
 * salted per account and snapshot so equal balances never share a leaf and a leaf reveals nothing across
 * snapshots), ordered by leaf hash, padded with zero-value leaves to a power of two. Immutable once built.
 */
public final class LiabilityTree {

    /** One account's balance: available + locked + pending withdrawals, in base units. */
    public record Account(String id, long units) {
    }

    /** Gives each account its salt for this snapshot (32 bytes; e.g. an HMAC of a server secret). */
    @FunctionalInterface
    public interface SaltSource {
        byte[] salt(SnapshotRef ref, String account);
    }

    private final SnapshotRef ref;
    private final byte[][][] hashes;
    private final Value128[][] values;
    private final Map<String, Integer> positions;
    private final Map<String, byte[]> salts;
    private final int accounts;

    private LiabilityTree(SnapshotRef ref, byte[][][] hashes, Value128[][] values, Map<String, Integer> positions,
                          Map<String, byte[]> salts, int accounts) {
        this.ref = ref;
        this.hashes = hashes;
        this.values = values;
        this.positions = positions;
        this.salts = salts;
        this.accounts = accounts;
    }

    /**
     * Builds the tree. Refused with {@link ProofError#NEGATIVE_VALUE} for a negative balance,
     * {@link ProofError#DUPLICATE_ACCOUNT} for an account listed twice, {@link ProofError#OVERFLOW} when the total
     * reaches 2^128.
     */
    public static LiabilityTree build(SnapshotRef ref, List<Account> accounts, SaltSource saltSource) {
        Map<String, byte[]> salts = new HashMap<>(accounts.size() * 2);
        List<byte[]> leafHashes = new ArrayList<>(accounts.size());
        List<Value128> leafValues = new ArrayList<>(accounts.size());
        List<String> leafAccounts = new ArrayList<>(accounts.size());
        for (Account a : accounts) {
            Value128 v = Value128.ofLeaf(a.units());
            byte[] salt = saltSource.salt(ref, a.id()).clone();
            if (salts.putIfAbsent(a.id(), salt) != null) {
                throw new ProofException(ProofError.DUPLICATE_ACCOUNT, "account listed twice: " + a.id());
            }
            leafHashes.add(TreeHash.leaf(ref, a.id(), salt, v));
            leafValues.add(v);
            leafAccounts.add(a.id());
        }
        Integer[] order = new Integer[accounts.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (x, y) -> Arrays.compareUnsigned(leafHashes.get(x), leafHashes.get(y)));
        int width = Integer.highestOneBit(Math.max(1, accounts.size()));
        if (width < accounts.size()) {
            width <<= 1;
        }
        int levels = Integer.numberOfTrailingZeros(width) + 1;
        byte[][][] hashes = new byte[levels][][];
        Value128[][] values = new Value128[levels][];
        hashes[0] = new byte[width][];
        values[0] = new Value128[width];
        Map<String, Integer> positions = new HashMap<>(accounts.size() * 2);
        for (int i = 0; i < width; i++) {
            if (i < order.length) {
                hashes[0][i] = leafHashes.get(order[i]);
                values[0][i] = leafValues.get(order[i]);
                positions.put(leafAccounts.get(order[i]), i);
            } else {
                hashes[0][i] = TreeHash.padding(ref, i);
                values[0][i] = Value128.ZERO;
            }
        }
        for (int level = 1; level < levels; level++) {
            int n = hashes[level - 1].length / 2;
            hashes[level] = new byte[n][];
            values[level] = new Value128[n];
            for (int i = 0; i < n; i++) {
                byte[] l = hashes[level - 1][2 * i];
                byte[] r = hashes[level - 1][2 * i + 1];
                Value128 lv = values[level - 1][2 * i];
                Value128 rv = values[level - 1][2 * i + 1];
                hashes[level][i] = TreeHash.node(l, lv, r, rv);
                values[level][i] = lv.plus(rv);
            }
        }
        return new LiabilityTree(ref, hashes, values, positions, salts, accounts.size());
    }

    /** Which asset and snapshot. */
    public SnapshotRef ref() {
        return ref;
    }

    /** The root hash, hex. */
    public String rootHash() {
        return HexFormat.of().formatHex(hashes[hashes.length - 1][0]);
    }

    /** The sum of all balances. */
    public Value128 total() {
        return values[values.length - 1][0];
    }

    /** The number of accounts (padding leaves excluded). */
    public int accounts() {
        return accounts;
    }

    /** The inclusion proof of one account, or null when the account is not in the tree. */
    public InclusionProof proof(String account) {
        Integer position = positions.get(account);
        if (position == null) {
            return null;
        }
        List<InclusionProof.Step> path = new ArrayList<>(hashes.length - 1);
        int index = position;
        for (int level = 0; level < hashes.length - 1; level++) {
            int sibling = index ^ 1;
            path.add(new InclusionProof.Step(sibling < index, hashes[level][sibling].clone(), values[level][sibling]));
            index >>= 1;
        }
        return new InclusionProof(ref, rootHash(), total(), account, salts.get(account).clone(),
                values[0][position], path);
    }
}
