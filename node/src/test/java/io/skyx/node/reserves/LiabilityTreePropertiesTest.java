package io.skyx.node.reserves;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Random ledgers: every proof verifies against the root, the root's total equals the ledger's total, and a proof
 * whose leaf value was changed fails while every other account's proof still verifies. Seeded: prints the seed;
 * rerun one case with -Dskyx.seed=N.
 */
class LiabilityTreePropertiesTest {

    @Test
    void randomLedgers() {
        long base = Long.getLong("skyx.seed", System.nanoTime());
        System.out.println("LiabilityTreePropertiesTest seed " + base + " (rerun with -Dskyx.seed=" + base + ")");
        int cases = Long.getLong("skyx.seed") == null ? 60 : 1;
        for (int c = 0; c < cases; c++) {
            check(base + c);
        }
    }

    private static void check(long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        int n = 1 + rnd.nextInt(70);
        SnapshotRef ref = new SnapshotRef(rnd.nextBoolean() ? "SKY" : "BTC", 1 + rnd.nextInt(1000));
        List<LiabilityTree.Account> accounts = new ArrayList<>();
        BigInteger total = BigInteger.ZERO;
        for (int i = 0; i < n; i++) {
            long units = switch (rnd.nextInt(4)) {
                case 0 -> 0;
                case 1 -> rnd.nextLong(1000);
                case 2 -> rnd.nextLong(Long.MAX_VALUE);
                default -> Long.MAX_VALUE;
            };
            accounts.add(new LiabilityTree.Account("user-" + seed + "-" + i, units));
            total = total.add(BigInteger.valueOf(units));
        }
        LiabilityTree tree = LiabilityTree.build(ref, accounts, Fixtures.salts("s" + seed));
        assertThat(tree.total().amount()).as("seed %d", seed).isEqualTo(total);
        for (LiabilityTree.Account a : accounts) {
            InclusionProof p = ProofJson.read(ProofJson.write(tree.proof(a.id())));
            p.verify(ref, a.id(), a.units(), tree.rootHash(), tree.total());
        }
        int victim = rnd.nextInt(n);
        InclusionProof p = tree.proof(accounts.get(victim).id());
        long changed = accounts.get(victim).units() == 0 ? 1 : accounts.get(victim).units() - 1;
        InclusionProof tampered = new InclusionProof(p.ref(), p.rootHash(), p.total(), p.account(), p.salt(),
                Value128.ofLeaf(changed), p.path());
        try {
            tampered.verify(ref, p.account(), tree.rootHash(), tree.total());
            throw new AssertionError("seed " + seed + ": a changed balance still verified");
        } catch (ProofException e) {
            assertThat(e.error()).as("seed %d", seed).isEqualTo(ProofError.ROOT_MISMATCH);
        }
        for (int i = 0; i < n; i++) {
            if (i != victim) {
                tree.proof(accounts.get(i).id()).verify(ref, accounts.get(i).id(), tree.rootHash(), tree.total());
            }
        }
    }
}
