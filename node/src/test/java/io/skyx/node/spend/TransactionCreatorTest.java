package io.skyx.node.spend;

import io.skyx.node.cipher.Address;
import io.skyx.node.cipher.SHA256;
import io.skyx.node.cipher.SecKey;
import io.skyx.node.coin.TransactionOutput;
import io.skyx.node.coin.UxBody;
import io.skyx.node.coin.UxHead;
import io.skyx.node.coin.UxOut;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Skycoin's transaction.Create (src/transaction/create.go, choose.go, hours.go), each case worked out by hand from
 * Skycoin's algorithm with burn factor 10: fee = ceil(input hours / 10).
 */
class TransactionCreatorTest {
    private static final long SKY = 1_000_000L;
    private static final long HEAD_TIME = 1_700_000_000L;
    private static final Address ALICE = addr("alice");
    private static final Address BOB = addr("bob");
    private static final Address CAROL = addr("carol");

    private static Address addr(String seed) {
        try {
            return Address.fromSecKey(SecKey.of(SHA256.sum(seed.getBytes(StandardCharsets.UTF_8)).bytes()));
        } catch (io.skyx.node.cipher.CipherException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An output created at the head time, so its hours are exactly {@code hours}. */
    private static UxOut ux(String tag, Address owner, long coins, long hours) {
        return new UxOut(new UxHead(HEAD_TIME, 5), new UxBody(SHA256.sum(tag.getBytes(StandardCharsets.UTF_8)),
                owner, coins, hours));
    }

    private static SpendRequest manual(List<TransactionOutput> to, Optional<Address> change) {
        return new SpendRequest(SpendRequest.MANUAL, "", Optional.empty(), to, change);
    }

    private static SpendRequest share(String factor, List<TransactionOutput> to, Optional<Address> change) {
        return new SpendRequest(SpendRequest.AUTO, SpendRequest.SHARE, Optional.of(new BigDecimal(factor)), to, change);
    }

    private static TransactionCreator.Created create(SpendRequest r, UxOut... pool) throws SpendException {
        return TransactionCreator.create(r, List.of(pool), HEAD_TIME, 10);
    }

    @Test
    void autoShareSplitsTheHoursLeftAfterTheFeeByCoinsAndSendsTheRestAsChange() throws Exception {
        UxOut in = ux("a", ALICE, 10 * SKY, 1000);
        var c = create(share("0.5", List.of(new TransactionOutput(BOB, SKY, 0),
                new TransactionOutput(CAROL, 8_990_000, 0)), Optional.of(ALICE)), in);
        // fee 100, remaining 900, allocated 450: 1/9.99 of 450 = 45.04 -> 45 (+1 left over) and 404.95 -> 404
        assertThat(c.tx().outputs()).containsExactly(new TransactionOutput(BOB, SKY, 46),
                new TransactionOutput(CAROL, 8_990_000, 404), new TransactionOutput(ALICE, 10_000, 450));
        assertThat(c.tx().inputs()).containsExactly(in.id());
        assertThat(c.tx().sigs()).allMatch(s -> s.isNull());
        assertThat(c.tx().length()).isEqualTo(c.tx().size());
    }

    @Test
    void anExtraInputIsAddedWhenItSavesChangeHoursThatWouldBeBurned() throws Exception {
        UxOut big = ux("big", ALICE, 2 * SKY, 100);
        UxOut small = ux("small", BOB, SKY, 10);
        var c = create(manual(List.of(new TransactionOutput(CAROL, 2 * SKY, 10)), Optional.empty()), big, small);
        // [big] covers it with 80 change hours but no change coins; adding small costs 1 more hour of fee
        assertThat(c.tx().inputs()).containsExactly(big.id(), small.id());
        Address change = List.of(ALICE, BOB).stream().min(TransactionCreatorTest::byBytes).orElseThrow();
        assertThat(c.tx().outputs()).containsExactly(new TransactionOutput(CAROL, 2 * SKY, 10),
                new TransactionOutput(change, SKY, 89));
    }

    @Test
    void autoShareWithNoChangeCoinsFallsBackToAShareOfOne() throws Exception {
        UxOut only = ux("only", ALICE, 2 * SKY, 100);
        var c = create(share("0.5", List.of(new TransactionOutput(BOB, 2 * SKY, 0)), Optional.empty()), only);
        assertThat(c.tx().outputs()).containsExactly(new TransactionOutput(BOB, 2 * SKY, 90));
    }

    @Test
    void theRichestOutputWithHoursIsTakenFirstThenOutputsWithoutHours() throws Exception {
        UxOut noHours = ux("zero", ALICE, 5 * SKY, 0);
        UxOut small = ux("small", BOB, SKY, 50);
        UxOut mid = ux("mid", CAROL, 3 * SKY, 20);
        var c = create(manual(List.of(new TransactionOutput(BOB, 6 * SKY, 0)), Optional.of(ALICE)),
                small, noHours, mid);
        assertThat(c.tx().inputs()).containsExactly(mid.id(), noHours.id());
        assertThat(c.tx().outputs()).containsExactly(new TransactionOutput(BOB, 6 * SKY, 0),
                new TransactionOutput(ALICE, 2 * SKY, 18));
        assertThat(c.inputs()).extracting(UxBalance::hours).containsExactly(20L, 0L);
    }

    @Test
    void hoursAreValuedAtTheHeadTime() throws Exception {
        UxOut old = new UxOut(new UxHead(HEAD_TIME - 3600, 4), new UxBody(SHA256.sum(new byte[] {1}), ALICE,
                2 * SKY, 0));
        var c = create(manual(List.of(new TransactionOutput(BOB, SKY, 1)), Optional.empty()), old);
        assertThat(c.inputs().getFirst().hours()).isEqualTo(2);
        assertThat(c.tx().outputs()).containsExactly(new TransactionOutput(BOB, SKY, 1),
                new TransactionOutput(ALICE, SKY, 0));
    }

    @Test
    void refusalsCarrySkycoinsMessages() {
        UxOut a = ux("a", ALICE, 2 * SKY, 100);
        List<TransactionOutput> one = List.of(new TransactionOutput(BOB, SKY, 0));
        assertRefused(manual(List.of(new TransactionOutput(BOB, 3 * SKY, 0)), Optional.empty()),
                "balance is not sufficient", a);
        assertRefused(manual(List.of(new TransactionOutput(BOB, SKY, 91)), Optional.empty()),
                "hours are not sufficient", a);
        assertRefused(manual(one, Optional.empty()), "Transaction has zero coinhour fee",
                ux("z", ALICE, 2 * SKY, 0));
        assertRefused(manual(one, Optional.empty()), "no unspents to spend");
        assertRefused(manual(List.of(), Optional.empty()), "To is required", a);
        assertRefused(manual(List.of(one.getFirst(), one.getFirst()), Optional.empty()),
                "To contains duplicate values", a);
        assertRefused(manual(List.of(new TransactionOutput(BOB, 0, 0)), Optional.empty()),
                "To.Coins must not be zero", a);
        assertRefused(manual(List.of(new TransactionOutput(Address.NULL, SKY, 0)), Optional.empty()),
                "To.Address must not be the null address", a);
        assertRefused(manual(one, Optional.of(Address.NULL)), "ChangeAddress must not be the null address", a);
        assertRefused(share("0.5", List.of(new TransactionOutput(BOB, SKY, 3)), Optional.empty()),
                "To.Hours must be zero for auto type hours selection", a);
        assertRefused(share("1.01", one, Optional.empty()), "HoursSelection.ShareFactor must be >= 0 and <= 1", a);
        assertRefused(new SpendRequest(SpendRequest.AUTO, "", Optional.empty(), one, Optional.empty()),
                "HoursSelection.Mode is required for auto type hours selection", a);
        assertRefused(new SpendRequest(SpendRequest.AUTO, "split", Optional.empty(), one, Optional.empty()),
                "Invalid HoursSelection.Mode", a);
        assertRefused(new SpendRequest(SpendRequest.AUTO, SpendRequest.SHARE, Optional.empty(), one,
                Optional.empty()), "HoursSelection.ShareFactor must be set for share mode", a);
        assertRefused(new SpendRequest(SpendRequest.MANUAL, SpendRequest.SHARE, Optional.empty(), one,
                Optional.empty()), "HoursSelection.Mode cannot be used for manual type hours selection", a);
        assertRefused(new SpendRequest(SpendRequest.MANUAL, "", Optional.of(BigDecimal.ONE), one, Optional.empty()),
                "HoursSelection.ShareFactor can only be used for share mode", a);
        assertRefused(new SpendRequest("", "", Optional.empty(), one, Optional.empty()),
                "Invalid HoursSelection.Type", a);
    }

    @Test
    void proportionalHoursGiveLeftoversFirstToReceiversWithNone() throws Exception {
        assertThat(TransactionCreator.proportional(new long[] {1, 1, 1}, 2)).containsExactly(1, 1, 0);
        assertThat(TransactionCreator.proportional(new long[] {3, 1}, 3)).containsExactly(2, 1);
        assertThat(TransactionCreator.proportional(new long[] {5, 5}, 11)).containsExactly(6, 5);
        assertThat(TransactionCreator.proportional(new long[] {7}, 0)).containsExactly(0);
    }

    private static void assertRefused(SpendRequest r, String message, UxOut... pool) {
        assertThatThrownBy(() -> create(r, pool)).isInstanceOf(SpendException.class).hasMessage(message)
                .satisfies(e -> assertThat(((SpendException) e).badInput()).isTrue());
    }

    private static int byBytes(Address a, Address b) {
        return java.util.Arrays.compareUnsigned(a.key().bytes(), b.key().bytes());
    }
}
