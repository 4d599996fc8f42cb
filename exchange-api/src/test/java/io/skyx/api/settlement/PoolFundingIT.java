package io.skyx.api.settlement;

import static io.skyx.api.settlement.SkywireFixtures.count;
import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.skyx.api.SkyxApplication;
import io.skyx.api.market.MarketCatalog;
import io.skyx.api.node.GenesisWallet;
import io.skyx.api.node.NodeProperties;
import io.skyx.api.reserves.PoolFunding;
import io.skyx.api.sequencer.Sequencer;
import io.skyx.api.testing.IntegrationTestBase;
import io.skyx.api.testing.SkyChainTestBase;
import io.skyx.api.testing.TestBrowser;
import io.skyx.custody.sky.KeyPayer;
import io.skyx.custody.sky.SkyCustody;
import io.skyx.node.cipher.Address;
import io.skyx.node.service.SkycoinNode;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Issue 11, no liability without proven surplus, on the embedded node's private chain (local profile, real
 * PostgreSQL): the SKY hot wallet holds only 2 SKY of the operator's own, an epoch's pool is 1117.808 SKY with a
 * ledger payout (to the operator's account) and an on-chain one. The funding is refused with {@code POOL_UNBACKED},
 * the surplus and the amount in the answer, the runs view and the metrics; the ledger (state hash, what is owed)
 * and the chain are unchanged, nothing is credited, batched or paid; a rerun still waits. Once the operator sends
 * SKY to the hot wallet on chain, the next run funds the pool and pays each payout exactly once.
 */
@SpringBootTest(classes = SkyxApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("local")
class PoolFundingIT {
    private static final long SMALL_FUNDING = 2_000_000L;
    private static final long POOL = 1_117_808_000L;
    private static final long TOP_UP = 10_000_000_000L;
    private static final Duration WAIT = Duration.ofSeconds(90);

    @LocalServerPort
    int port;
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
    NodeProperties nodeProps;
    @Autowired
    MeterRegistry meters;

    @DynamicPropertySource
    static void props(DynamicPropertyRegistry registry) throws Exception {
        IntegrationTestBase.appWithoutNode(registry);
        SkyChainTestBase.privateChain(registry, "skyx-pool-funding");
        registry.add("skyx.skywire.simulate.relays", () -> "0");
        registry.add("skyx.skywire.pool-droplets", () -> Long.toString(POOL));
        registry.add("skyx.custody.sky.local-funding", () -> Long.toString(SMALL_FUNDING));
    }

    @Test
    void anEpochTheProvenSurplusDoesNotCoverWaitsChangingNothingAndIsPaidOnceAfterATopUp() throws Exception {
        long epoch = System.currentTimeMillis() / 86_400_000L - 2;
        int sky = catalog.asset("SKY", "asset").id();
        Address hot = custody.wallet().hotAddress();
        awaitTrue(() -> balance(hot) >= SMALL_FUNDING, "the operator's 2 SKY in the hot wallet");
        TestBrowser operator = new TestBrowser("http://localhost:" + port).signUp();
        String stateBefore = sequencer.state().get().stateHash();
        long owedBefore = sequencer.owedToUsers(sky).get();
        long hotBefore = balance(hot);

        RelaySeed.Seeded s = RelaySeed.seed("http://localhost:" + port, operator, "unbacked", epoch);
        long amount = count(db, "select pool - carry_in from skywire_settlement where epoch = " + epoch);
        assertThat(amount).isEqualTo(POOL).isGreaterThan(hotBefore);
        for (int run = 0; run < 2; run++) {
            JsonNode answer = TestBrowser.json(operator.post("/api/v1/admin/settlement/" + epoch, null).body());
            JsonNode payouts = answer.path("payouts");
            assertThat(payouts.path("funded").asBoolean()).as(answer.toString()).isFalse();
            assertThat(payouts.path("credited").asInt()).isZero();
            JsonNode wait = payouts.path("fundingWait");
            assertThat(wait.path("code").asString()).isEqualTo(PoolFunding.POOL_UNBACKED);
            assertThat(wait.path("amount").asLong()).isEqualTo(POOL);
            assertThat(wait.path("surplus").asLong()).as("the hot wallet, nothing owed, nothing in the pool")
                    .isEqualTo(hotBefore - owedBefore);
        }
        assertThat(sequencer.state().get().stateHash()).as("no command reached the ledger").isEqualTo(stateBefore);
        assertThat(sequencer.owedToUsers(sky).get()).isEqualTo(owedBefore);
        assertThat(count(db, "select count(*) from skywire_settlement where funded_seq is not null")).isZero();
        assertThat(count(db, "select count(*) from skywire_payout where epoch = " + epoch + " and state = 'pending'"))
                .as("both payouts still pending").isEqualTo(2);
        assertThat(count(db, "select count(*) from skywire_chain_batch")).as("nothing batched").isZero();
        assertThat(balance(hot)).as("nothing left the hot wallet").isEqualTo(hotBefore);
        assertThat(node.store().unspentsOf(s.b().address())).isEmpty();
        JsonNode run = TestBrowser.json(operator.get("/api/v1/admin/settlement").body()).get(0);
        assertThat(run.path("epoch").asLong()).isEqualTo(epoch);
        assertThat(run.path("fundingWait").asString()).isEqualTo(PoolFunding.POOL_UNBACKED);
        assertThat(run.path("fundingSurplus").asString()).isEqualTo(sky(hotBefore - owedBefore));
        assertThat(meters.get("skyx.settlement.funding.refused").tag("asset", "SKY")
                .tag("code", PoolFunding.POOL_UNBACKED).counter().count()).as("the seed's run and two more").isEqualTo(3.0);
        assertThat(meters.get("skyx.settlement.funding.unbacked").tag("asset", "SKY").gauge().value())
                .isEqualTo((double) POOL);

        // the operator sends its own SKY to the hot wallet: the next run funds the pool and pays once
        new KeyPayer(node, GenesisWallet.key(nodeProps).orElseThrow()).pay(Map.of(hot, TOP_UP), WAIT);
        awaitTrue(() -> {
            operator.post("/api/v1/admin/settlement/" + epoch, null);
            return count(db, "select count(*) from skywire_payout where epoch = " + epoch + " and state <> 'done'")
                    == 0;
        }, "the epoch paid after the top-up");
        long ledgerPayout = count(db, "select amount from skywire_payout where epoch = " + epoch
                + " and method = 'ledger'");
        long chainPayout = count(db, "select amount from skywire_payout where epoch = " + epoch
                + " and method = 'chain'");
        assertThat(ledgerPayout).isPositive();
        assertThat(count(db, "select count(*) from skywire_settlement where epoch = " + epoch
                + " and funded_seq is not null and funding_wait is null")).isEqualTo(1);
        assertThat(node.store().unspentsOf(s.b().address())).as("the chain payout, once").singleElement()
                .satisfies(u -> assertThat(u.body().coins()).isEqualTo(chainPayout));
        assertThat(meters.get("skyx.settlement.funding.unbacked").tag("asset", "SKY").gauge().value()).isZero();
        String stateAfter = sequencer.state().get().stateHash();
        JsonNode again = TestBrowser.json(operator.post("/api/v1/admin/settlement/" + epoch, null).body());
        assertThat(again.path("payouts").path("credited").asInt()).isZero();
        assertThat(again.path("payouts").path("fundingWait").path("code").isMissingNode()).isTrue();
        assertThat(sequencer.state().get().stateHash()).as("a rerun moves nothing").isEqualTo(stateAfter);
        assertThat(sequencer.owedToUsers(sky).get()).as("the ledger payout credited once")
                .isEqualTo(owedBefore + ledgerPayout);
        String total = TestBrowser.json(operator.get("/api/v1/balances").body()).path("SKY").path("total").asString();
        assertThat(new BigDecimal(total).movePointRight(6).longValueExact()).isEqualTo(owedBefore + ledgerPayout);
        assertThat(count(db, "select count(*) from skywire_chain_batch")).isEqualTo(1);
    }

    private static String sky(long droplets) {
        return new BigDecimal(droplets).movePointLeft(6).stripTrailingZeros().toPlainString();
    }

    private long balance(Address a) {
        return node.store().unspentsOf(a).stream().mapToLong(u -> u.body().coins()).sum();
    }

    private interface Check {
        boolean ok() throws Exception;
    }

    private static void awaitTrue(Check check, String what) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!check.ok()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(200);
        }
    }
}
