package io.skyx.node.reserves;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The tree and its proofs, and the attacks of field-notes.md §2.3 on the liabilities side. */
class LiabilityTreeTest {
    private static final SnapshotRef SKY_7 = new SnapshotRef("SKY", 7);
    private static final LiabilityTree.SaltSource SALTS = Fixtures.salts("test-secret");

    private static LiabilityTree tree(long... balances) {
        List<LiabilityTree.Account> accounts = new ArrayList<>();
        for (int i = 0; i < balances.length; i++) {
            accounts.add(new LiabilityTree.Account("u" + i, balances[i]));
        }
        return LiabilityTree.build(SKY_7, accounts, SALTS);
    }

    private static ProofError errorOf(Runnable r) {
        try {
            r.run();
        } catch (ProofException e) {
            return e.error();
        }
        return null;
    }

    @Test
    void everyProofVerifiesAndTheTotalIsTheSum() {
        LiabilityTree t = tree(5, 0, 17, 1_000_000, 3);
        assertThat(t.total().amount()).isEqualTo(BigInteger.valueOf(1_000_025));
        assertThat(t.accounts()).isEqualTo(5);
        for (int i = 0; i < 5; i++) {
            InclusionProof p = t.proof("u" + i);
            assertThat(p.path()).hasSize(3);
            p.verify(SKY_7, "u" + i, t.rootHash(), t.total());
        }
        assertThat(t.proof("nobody")).isNull();
    }

    @Test
    void aSingleAccountTreeIsItsLeaf() {
        LiabilityTree t = tree(42);
        InclusionProof p = t.proof("u0");
        assertThat(p.path()).isEmpty();
        p.verify(SKY_7, "u0", 42, t.rootHash(), t.total());
    }

    @Test
    void theFileFormatRoundTrips() {
        LiabilityTree t = tree(9, 8, 7);
        InclusionProof p = t.proof("u1");
        InclusionProof back = ProofJson.read(ProofJson.write(p));
        back.verify(SKY_7, "u1", 8, t.rootHash(), t.total());
        assertThat(ProofJson.write(back)).isEqualTo(ProofJson.write(p));
    }

    @Test
    void sumOnlyParentAttackMovingValueBetweenSiblingsIsCaught() {
        // With sum-only hashing an exchange can shift value from my sibling subtree to me (or away) keeping the
        // parent's sum. Each node commits both values, so any such shift changes the hash.
        LiabilityTree t = tree(100, 50, 30, 20);
        InclusionProof p = t.proof("u0");
        InclusionProof.Step s = p.path().getFirst();
        List<InclusionProof.Step> shifted = new ArrayList<>(p.path());
        shifted.set(0, new InclusionProof.Step(s.siblingOnLeft(), s.hash(),
                s.value().plus(Value128.ofLeaf(10))));
        InclusionProof forged = new InclusionProof(p.ref(), p.rootHash(), p.total(), p.account(), p.salt(),
                new Value128(p.value().amount().subtract(BigInteger.TEN)), shifted);
        assertThat(errorOf(() -> forged.verify(SKY_7, "u0", t.rootHash(), t.total())))
                .isEqualTo(ProofError.ROOT_MISMATCH);
    }

    @Test
    void negativeLeavesAreRefusedWhenBuildingAndReading() {
        assertThat(errorOf(() -> tree(5, -1))).isEqualTo(ProofError.NEGATIVE_VALUE);
        String json = ProofJson.write(tree(5, 6).proof("u0"));
        String negativeSibling = json.replaceFirst("(\"path\":\\[\\{\"side\":\"(left|right)\",\"hash\":\"[0-9a-f]{64}\",\"value\":\")",
                "$1-");
        assertThat(negativeSibling).isNotEqualTo(json);
        assertThat(errorOf(() -> ProofJson.read(negativeSibling))).isEqualTo(ProofError.NEGATIVE_VALUE);
    }

    @Test
    void overflowingValuesAreRefused() {
        String big = BigInteger.ONE.shiftLeft(128).toString();
        assertThat(errorOf(() -> Value128.parse(big))).isEqualTo(ProofError.VALUE_OUT_OF_RANGE);
        Value128 max = new Value128(BigInteger.ONE.shiftLeft(128).subtract(BigInteger.ONE));
        assertThat(errorOf(() -> max.plus(Value128.ofLeaf(1)))).isEqualTo(ProofError.OVERFLOW);
        // a sibling so large that the path's sum wraps past 2^128 is refused, not reduced modulo 2^128
        InclusionProof p = tree(5, 6).proof("u0");
        InclusionProof.Step s = p.path().getFirst();
        InclusionProof forged = new InclusionProof(p.ref(), p.rootHash(), p.total(), p.account(), p.salt(), p.value(),
                List.of(new InclusionProof.Step(s.siblingOnLeft(), s.hash(), max)));
        assertThat(errorOf(() -> forged.verify(SKY_7, "u0", p.rootHash(), null))).isEqualTo(ProofError.OVERFLOW);
    }

    @Test
    void anOmittedAccountHasNoProofAndItsOwnLeafDoesNotReachTheRoot() {
        LiabilityTree full = tree(5, 6, 7);
        LiabilityTree omitted = LiabilityTree.build(SKY_7, List.of(new LiabilityTree.Account("u0", 5),
                new LiabilityTree.Account("u1", 6)), SALTS);
        assertThat(omitted.proof("u2")).isNull();
        InclusionProof mine = full.proof("u2");
        assertThat(errorOf(() -> mine.verify(SKY_7, "u2", omitted.rootHash(), omitted.total())))
                .isEqualTo(ProofError.ROOT_MISMATCH);
    }

    @Test
    void twoRootsForOneSnapshotCannotBothBePublished() {
        RootHistory history = new RootHistory();
        LiabilityTree a = tree(5, 6);
        LiabilityTree b = tree(5, 7);
        assertThat(history.publish(new PublishedRoot(SKY_7, a.rootHash(), a.total(), 100, 10))).isTrue();
        assertThat(history.publish(new PublishedRoot(SKY_7, a.rootHash(), a.total(), 100, 10))).isFalse();
        assertThat(errorOf(() -> history.publish(new PublishedRoot(SKY_7, b.rootHash(), b.total(), 100, 10))))
                .isEqualTo(ProofError.CONFLICTING_ROOT);
        // a user shown tree b checks against the published root and fails
        InclusionProof shownToMe = b.proof("u1");
        assertThat(errorOf(() -> shownToMe.verify(SKY_7, "u1", history.get(SKY_7).rootHash(), history.get(SKY_7).total())))
                .isEqualTo(ProofError.ROOT_MISMATCH);
        assertThat(history.all()).hasSize(1);
    }

    @Test
    void twoUsersWithEqualBalancesNeverShareALeaf() {
        LiabilityTree t = tree(40, 40);
        InclusionProof p0 = t.proof("u0");
        InclusionProof p1 = t.proof("u1");
        assertThat(p0.salt()).isNotEqualTo(p1.salt());
        // user 1 cannot be handed user 0's leaf: the account is part of the leaf hash
        assertThat(errorOf(() -> p0.verify(SKY_7, "u1", t.rootHash(), t.total()))).isEqualTo(ProofError.WRONG_ACCOUNT);
        InclusionProof relabelled = new InclusionProof(p0.ref(), p0.rootHash(), p0.total(), "u1", p0.salt(), p0.value(),
                p0.path());
        assertThat(errorOf(() -> relabelled.verify(SKY_7, "u1", t.rootHash(), t.total())))
                .isEqualTo(ProofError.ROOT_MISMATCH);
        assertThat(errorOf(() -> tree(1).proof("u0").verify(new SnapshotRef("BTC", 7), "u0", tree(1).rootHash(), null)))
                .isEqualTo(ProofError.WRONG_SNAPSHOT);
    }

    @Test
    void anAccountListedTwiceIsRefused() {
        assertThatThrownBy(() -> LiabilityTree.build(SKY_7, List.of(new LiabilityTree.Account("u0", 1),
                new LiabilityTree.Account("u0", 2)), SALTS))
                .isInstanceOfSatisfying(ProofException.class, e -> assertThat(e.error()).isEqualTo(ProofError.DUPLICATE_ACCOUNT));
    }

    @Test
    void malformedProofFilesAreRefused() {
        String ok = ProofJson.write(tree(3, 4).proof("u0"));
        assertThat(errorOf(() -> ProofJson.read("{"))).isEqualTo(ProofError.MALFORMED);
        assertThat(errorOf(() -> ProofJson.read(ok.replace("\"version\":1", "\"version\":2")))).isEqualTo(ProofError.MALFORMED);
        assertThat(errorOf(() -> ProofJson.read(ok.replace("{\"version\":1", "{\"extra\":1,\"version\":1"))))
                .isEqualTo(ProofError.MALFORMED);
        assertThat(errorOf(() -> ProofJson.read(ok.replace("{\"version\":1", "{\"version\":1,\"version\":1"))))
                .isEqualTo(ProofError.MALFORMED);
        assertThat(errorOf(() -> ProofJson.read(ok.replaceFirst("\"value\":\"(\\d+)\"", "\"value\":$1"))))
                .isEqualTo(ProofError.MALFORMED);
        assertThat(errorOf(() -> ProofJson.read(ok.replaceFirst("\"value\":\"(\\d+)\"", "\"value\":\"0$1\""))))
                .isEqualTo(ProofError.MALFORMED);
    }
}
