package io.skyx.api.settlement;

import static io.skyx.api.settlement.SkywireFixtures.EPOCH0;
import static io.skyx.api.settlement.SkywireFixtures.count;
import static org.assertj.core.api.Assertions.assertThat;

import io.skyx.api.SkyxApplication;
import io.skyx.api.market.MarketCatalog;
import io.skyx.api.reserves.PoolFunding;
import io.skyx.api.security.OperatorAudit;
import io.skyx.api.sequencer.Sequencer;
import io.skyx.api.testing.IntegrationTestBase;
import io.skyx.api.testing.SkyChainTestBase;
import io.skyx.custody.sky.SkyCustody;
import io.skyx.custody.withdrawal.HotWallet;
import io.skyx.node.cipher.KeyPair;
import io.skyx.node.service.SkycoinNode;
import io.skyx.skywire.EpochClaim;
import io.skyx.skywire.SignedRecord;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Two payout runners racing on one epoch (the admin API and the schedule, or two app instances over one database),
 * on the embedded node's private chain with real PostgreSQL: each runner is its own {@link ChainPayouts} over the
 * same database and hot wallet, both start together, and each waits in the wallet's signing step until the other
 * arrives there too (at most {@link #MEET_SECONDS} s), so that without a guard both try to sign the epoch's batch
 * (the second then fails, or builds a transaction that is never sent and keeps its inputs reserved). With the guard
 * the second waits for the first: the wallet is asked once, one batch, one transaction, neither runner fails, each
 * relay paid exactly once on chain.
 */
@SpringBootTest(classes = SkyxApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("local")
class ChainRunnerRaceIT {
    private static final int MEET_SECONDS = 5;
    /**
     * The racing runs' threads: not the common pool, which has one worker on a two-core machine (the second run
     * would only start once the first has finished).
     */
    private static final Executor THREADS = Executors.newCachedThreadPool(Thread.ofPlatform().daemon().factory());

    @Autowired
    SettlementJob job;
    @Autowired
    RelayDirectory relays;
    @Autowired
    DataSource db;
    @Autowired
    SkycoinNode node;
    @Autowired
    SkyCustody custody;
    @Autowired
    Sequencer sequencer;
    @Autowired
    MarketCatalog catalog;
    @Autowired
    PoolFunding funding;
    @Autowired
    OperatorAudit audit;

    @DynamicPropertySource
    static void props(DynamicPropertyRegistry registry) throws Exception {
        IntegrationTestBase.appWithoutNode(registry);
        SkyChainTestBase.privateChain(registry, "skyx-chain-race");
        registry.add("skyx.skywire.simulate.relays", () -> "0");
        registry.add("skyx.custody.sky.local-funding", () -> "10000000000000");
    }

    @Test
    void twoRunnersOnOneEpochSignOneBatchAndPayEachRelayOnce() throws Exception {
        long epoch = EPOCH0;
        List<KeyPair> paid = settle(epoch, "race");
        awaitDone(() -> custody.wallet().spendable() > 0, "the hot wallet funded");
        Meeting wallet = new Meeting(custody.wallet());
        int sky = catalog.asset("SKY", "asset").id();
        List<CompletableFuture<SettlementPayouts.Result>> runs = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            SettlementPayouts runner = new SettlementPayouts(db, sequencer, funding, sky, new ChainPayouts(db,
                    cmd -> SettlementPayouts.submit(sequencer, cmd), funding, sky, wallet, 50, 1));
            runs.add(CompletableFuture.supplyAsync(() -> {
                try {
                    return runner.pay(epoch);
                } catch (Exception e) {
                    throw new IllegalStateException("runner failed: " + e, e);
                }
            }, THREADS));
        }
        for (CompletableFuture<SettlementPayouts.Result> r : runs) {
            assertThat(r).as("both runners finish without an error").succeedsWithin(120, TimeUnit.SECONDS);
        }
        assertThat(wallet.calls).as("the wallet asked to sign the epoch's batch once, not once per runner")
                .hasValue(1);
        assertThat(wallet.signed).as("one transaction signed for the epoch").hasSize(1);
        assertThat(count(db, "select count(*) from skywire_chain_batch where epoch = " + epoch)).isEqualTo(1);

        ChainPayouts after = new ChainPayouts(db, cmd -> SettlementPayouts.submit(sequencer, cmd), funding, sky,
                custody.wallet(), 50, 1);
        awaitDone(() -> {
            after.pay(epoch);
            return count(db, "select count(*) from skywire_payout where epoch = " + epoch
                    + " and state <> 'done'") == 0;
        }, "the payouts confirmed");
        for (KeyPair k : paid) {
            long owed = count(db, "select amount from skywire_payout where epoch = " + epoch
                    + " and reward_address = '" + k.address() + "'");
            assertThat(node.store().unspentsOf(k.address())).as("paid once: " + k.address()).singleElement()
                    .satisfies(u -> {
                        assertThat(u.body().coins()).isEqualTo(owed);
                        assertThat(u.body().srcTransaction().hex()).isEqualTo(wallet.signed.getFirst());
                    });
        }
        assertThat(count(db, "select count(*) from skywire_chain_batch where epoch = " + epoch
                + " and state = 'confirmed' and txid = '" + wallet.signed.getFirst() + "'")).isEqualTo(1);
    }

    /**
     * Two whole settlement runs of one epoch (the admin API twice, or the schedule and the admin API): while the
     * first waits in the wallet's signing step, the second is told at once that a run is going on
     * ({@link SettlementRunner.AlreadyRunning}) instead of queueing behind it (without the run lock it waits for the
     * payout lock until the first finishes, and fails the {@code failsWithin}); it signs and moves nothing. Once
     * the first has finished, a run of the epoch is accepted again and finds its work done.
     */
    @Test
    void aSecondRunOfAnEpochBeingRunIsToldItIsAlreadyRunningAtOnce() throws Exception {
        long epoch = EPOCH0 + 5;
        settle(epoch, "busy");
        awaitDone(() -> custody.wallet().spendable() > 0, "the hot wallet funded");
        Gate gate = new Gate(custody.wallet());
        SettlementRunner first = runner(gate);
        SettlementRunner second = runner(custody.wallet());
        CompletableFuture<SettlementRunner.Result> running = CompletableFuture.supplyAsync(() -> run(first, epoch),
                THREADS);
        try {
            assertThat(gate.entered.await(60, TimeUnit.SECONDS)).as("the first run reached signing").isTrue();
            CompletableFuture<SettlementRunner.Result> again = CompletableFuture.supplyAsync(() -> run(second, epoch),
                    THREADS);
            assertThat(again).as("the second run answered at once").failsWithin(10, TimeUnit.SECONDS)
                    .withThrowableOfType(ExecutionException.class).havingRootCause()
                    .isInstanceOf(SettlementRunner.AlreadyRunning.class)
                    .withMessageContaining("epoch " + epoch + " is already running");
            assertThat(count(db, "select count(*) from skywire_chain_batch where epoch = " + epoch
                    + " and state <> 'built'")).as("nothing signed while the first run waits").isZero();
        } finally {
            gate.release.countDown();
        }
        assertThat(running).succeedsWithin(120, TimeUnit.SECONDS);
        assertThat(gate.calls).as("the wallet asked to sign once").hasValue(1);
        SettlementRunner.Result after = run(second, epoch);
        assertThat(after.settlement().alreadySettled()).isTrue();
        assertThat(after.payouts().undoneBatches()).isZero();
        assertThat(count(db, "select count(*) from skywire_chain_batch where epoch = " + epoch)).isEqualTo(1);
    }

    private SettlementRunner runner(HotWallet wallet) {
        int sky = catalog.asset("SKY", "asset").id();
        return new SettlementRunner(db, job, new SettlementPayouts(db, sequencer, funding, sky, new ChainPayouts(db,
                cmd -> SettlementPayouts.submit(sequencer, cmd), funding, sky, wallet, 50, 1)), audit);
    }

    private static SettlementRunner.Result run(SettlementRunner runner, long epoch) {
        try {
            return runner.run(epoch, "race-test");
        } catch (SQLException e) {
            throw new IllegalStateException("run failed: " + e, e);
        }
    }

    /** Two relays without an account, a transport between them, their claims; the epoch settled, nothing paid. */
    private List<KeyPair> settle(long epoch, String name) throws Exception {
        KeyPair a = SkywireFixtures.relay(name + "-a");
        KeyPair b = SkywireFixtures.relay(name + "-b");
        relays.register(a.pub(), "192.0.2." + (10 + epoch % 100), null);
        relays.register(b.pub(), "198.51.100." + (10 + epoch % 100), null);
        long start = epoch * 86_400 + 600;
        SignedRecord ra = SkywireFixtures.report(a, b, "dmsg", start, start + 1800, 7_000_000, 3_000_000, 1);
        SignedRecord rb = SkywireFixtures.report(b, a, "dmsg", start, start + 1800, 3_000_000, 7_000_000, 1);
        List<UsageIngester.Input> in = new ArrayList<>();
        for (SignedRecord r : List.of(ra, rb,
                SignedRecord.sign(new EpochClaim(a.pub(), epoch, a.address(), List.of(ra.id())), a.sec()),
                SignedRecord.sign(new EpochClaim(b.pub(), epoch, b.address(), List.of(rb.id())), b.sec()))) {
            in.add(new UsageIngester.Input(r.encode(), "race"));
        }
        try (Connection c = db.getConnection()) {
            assertThat(new UsageIngester(() -> (epoch + 2) * 86_400).ingestAll(c, in))
                    .allSatisfy(o -> assertThat(o.status()).isEqualTo(UsageIngester.Status.ACCEPTED));
        }
        assertThat(job.settle(epoch).claims()).isEqualTo(2);
        return List.of(a, b);
    }

    private static void awaitDone(Check check, String what) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (!check.done()) {
            assertThat(System.nanoTime()).as("timed out waiting for " + what).isLessThan(deadline);
            Thread.sleep(200);
        }
    }

    @FunctionalInterface
    private interface Check {
        boolean done() throws Exception;
    }

    /** The real hot wallet, except that a signing call waits (at most 60 s) until the test lets it go on. */
    private static final class Gate extends ForwardingHotWallet {
        final CountDownLatch entered = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);
        final AtomicInteger calls = new AtomicInteger();

        Gate(HotWallet real) {
            super(real);
        }

        @Override
        public Build buildAndSign(List<Payment> payments) {
            calls.incrementAndGet();
            entered.countDown();
            try {
                release.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            return real.buildAndSign(payments);
        }
    }

    /**
     * The real hot wallet, except that a signing call waits for a second one (a runner of the other thread) for at
     * most {@link #MEET_SECONDS} s, and the txids it signed are kept.
     */
    private static final class Meeting extends ForwardingHotWallet {
        private final CyclicBarrier both = new CyclicBarrier(2);
        final List<String> signed = new CopyOnWriteArrayList<>();
        final AtomicInteger calls = new AtomicInteger();

        Meeting(HotWallet real) {
            super(real);
        }

        @Override
        public Build buildAndSign(List<Payment> payments) {
            calls.incrementAndGet();
            try {
                both.await(MEET_SECONDS, TimeUnit.SECONDS);
            } catch (TimeoutException | BrokenBarrierException e) {
                // the other runner did not come (it waits for this one's lock): sign alone
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            Build b = real.buildAndSign(payments);
            if (b instanceof Signed s) {
                signed.add(s.txid());
            }
            return b;
        }
    }
}
