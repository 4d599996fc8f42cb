package io.skyx.ops.reserves;

import io.skyx.node.reserves.InclusionProof;
import io.skyx.node.reserves.LiabilityTree;
import io.skyx.node.reserves.ProofJson;
import io.skyx.node.reserves.SnapshotRef;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Snapshot time and proof size of the liabilities tree the app builds (io.skyx.node.reserves.LiabilityTree), for N
 * accounts of one asset: {@code java -cp skyx-benchmarks.jar io.skyx.ops.reserves.LiabilityTreeBench 1000000 3}.
 * Salts are SHA-256 of a secret and the account, as cheap as the app's HMAC. Prints build time per round (the
 * first rounds warm the JIT), the proof file size and the time to verify one proof.
 */
public final class LiabilityTreeBench {
    private LiabilityTreeBench() {
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        long seed = args.length > 2 ? Long.parseLong(args[2]) : 1;
        SplittableRandom rnd = new SplittableRandom(seed);
        List<LiabilityTree.Account> accounts = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            accounts.add(new LiabilityTree.Account("u" + i, rnd.nextLong(1_000_000_000_000L)));
        }
        SnapshotRef ref = new SnapshotRef("SKY", 1);
        LiabilityTree.SaltSource salts = (r, account) -> {
            try {
                MessageDigest md = MessageDigest.getInstance("SHA-256");
                md.update("bench-secret".getBytes(StandardCharsets.US_ASCII));
                md.update(ByteBuffer.allocate(8).putLong(r.snapshot()).array());
                return md.digest(account.getBytes(StandardCharsets.US_ASCII));
            } catch (java.security.NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        };
        System.out.printf("accounts %d, seed %d, cores %d%n", n, seed, Runtime.getRuntime().availableProcessors());
        LiabilityTree tree = null;
        for (int round = 1; round <= rounds; round++) {
            long t0 = System.nanoTime();
            tree = LiabilityTree.build(ref, accounts, salts);
            long ms = (System.nanoTime() - t0) / 1_000_000;
            System.out.printf("round %d: snapshot (build tree) %d ms, root %s, total %s%n", round, ms,
                    tree.rootHash(), tree.total());
        }
        InclusionProof proof = tree.proof("u" + (n / 2));
        String json = ProofJson.write(proof);
        long t0 = System.nanoTime();
        int verifies = 1000;
        for (int i = 0; i < verifies; i++) {
            ProofJson.read(json).verify(ref, proof.account(), tree.rootHash(), tree.total());
        }
        long us = (System.nanoTime() - t0) / 1000 / verifies;
        System.out.printf("proof: depth %d, file %d bytes, parse + verify %d µs%n", proof.path().size(),
                json.getBytes(StandardCharsets.UTF_8).length, us);
    }
}
