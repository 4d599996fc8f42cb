package io.skyx.node.pool;

import io.skyx.node.cipher.SHA256;
import io.skyx.node.coin.Transaction;
import io.skyx.node.service.ChainGenerator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Admission, re-validation on new blocks, eviction and block-candidate ordering of the unconfirmed pool. */
class UnconfirmedPoolTest {
    private final Map<SHA256, Long> fees = new HashMap<>();
    private final Set<SHA256> invalid = new HashSet<>();
    private final List<Transaction> txns = new ArrayList<>();
    private final Clock clock = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);

    private UnconfirmedPool pool(int max) {
        return new UnconfirmedPool(t -> invalid.contains(t.txid()) ? UnconfirmedPool.Check.invalid("bad")
                : UnconfirmedPool.Check.ok(fees.getOrDefault(t.txid(), 1L)), clock, max);
    }

    @BeforeEach
    void makeTransactions() {
        ChainGenerator gen = new ChainGenerator("pool-unit");
        gen.nextBlock(1);
        gen.nextBlock(2);
        gen.nextBlock(4);
        for (int i = 0; i < 6; i++) {
            txns.add(gen.split(gen.takeSpendable(), gen.headTime()));
        }
    }

    @Test
    void invalidTransactionsChangeNothing() {
        UnconfirmedPool p = pool(10);
        invalid.add(txns.get(0).txid());
        UnconfirmedPool.Offer o = p.offer(txns.get(0));
        assertThat(o.admission()).isEqualTo(UnconfirmedPool.Admission.REJECTED);
        assertThat(o.reason()).isEqualTo("bad");
        assertThat(p.size()).isZero();
        assertThat(p.offer(txns.get(1)).admission()).isEqualTo(UnconfirmedPool.Admission.ADDED);
        assertThat(p.offer(txns.get(1)).admission()).isEqualTo(UnconfirmedPool.Admission.ALREADY_KNOWN);
        assertThat(p.get(txns.get(1).txid()).orElseThrow().received()).isEqualTo(clock.instant());
        assertThat(p.get(txns.get(1).txid()).orElseThrow().announced()).isEmpty();
        p.markAnnounced(List.of(txns.get(1).txid()));
        assertThat(p.get(txns.get(1).txid()).orElseThrow().announced()).contains(clock.instant());
    }

    @Test
    void newBlockDropsConfirmedAndNowInvalidTransactions() {
        UnconfirmedPool p = pool(10);
        txns.subList(0, 3).forEach(p::offer);
        invalid.add(txns.get(2).txid());
        p.onBlock(Set.of(txns.get(0).txid()));
        assertThat(p.all()).extracting(PoolEntry::transaction).containsExactly(txns.get(1));
    }

    @Test
    void oldestAreEvictedBeyondTheLimit() {
        UnconfirmedPool p = pool(3);
        txns.subList(0, 5).forEach(p::offer);
        assertThat(p.all()).extracting(PoolEntry::transaction).containsExactly(txns.get(2), txns.get(3), txns.get(4));
    }

    @Test
    void candidatesByFeePerKbThenTxidWithinTheSizeCap() {
        UnconfirmedPool p = pool(10);
        fees.put(txns.get(0).txid(), 10L);
        fees.put(txns.get(1).txid(), 1000L);
        fees.put(txns.get(2).txid(), 10L);
        fees.put(txns.get(3).txid(), 500L);
        txns.subList(0, 4).forEach(p::offer);
        List<Transaction> all = p.blockCandidates(1_000_000);
        assertThat(all.subList(0, 2)).containsExactly(txns.get(1), txns.get(3));
        List<Transaction> tail = all.subList(2, 4);
        assertThat(tail).containsExactlyInAnyOrder(txns.get(0), txns.get(2));
        if (txns.get(0).size() == txns.get(2).size()) {
            assertThat(tail.get(0).txid().compareTo(tail.get(1).txid())).isNegative();
        }
        long two = txns.get(1).size() + txns.get(3).size();
        assertThat(p.blockCandidates(two)).containsExactly(txns.get(1), txns.get(3));
        assertThat(p.blockCandidates(txns.get(1).size() - 1)).isEmpty();
    }
}
