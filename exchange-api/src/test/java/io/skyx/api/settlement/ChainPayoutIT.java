package io.skyx.api.settlement;

import static io.skyx.api.settlement.SkywireFixtures.DAY0;
import static io.skyx.api.settlement.SkywireFixtures.EPOCH0;
import static io.skyx.api.settlement.SkywireFixtures.count;
import static org.assertj.core.api.Assertions.assertThat;

import io.skyx.api.SkyxApplication;
import io.skyx.api.kafka.InProcessKafkaBroker;
import io.skyx.api.market.MarketCatalog;
import io.skyx.api.reserves.PoolFunding;
import io.skyx.api.sequencer.Sequencer;
import io.skyx.api.testing.IntegrationTestBase;
import io.skyx.api.testing.SkyChainTestBase;
import io.skyx.custody.sky.SkyCustody;
import io.skyx.node.cipher.Address;
import io.skyx.node.cipher.KeyPair;
import io.skyx.node.cipher.SHA256;
import io.skyx.node.coin.UxOut;
import io.skyx.node.service.SkycoinNode;
import io.skyx.skywire.EpochClaim;
import io.skyx.skywire.SignedRecord;
import io.skyx.skywire.agent.KafkaRecordSink;
import io.skyx.skywire.agent.Simulator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * On-chain payouts through the app (local profile, the embedded node publishing its private chain, the SKY hot
 * address funded from genesis, real PostgreSQL, usage through a real in-process Kafka broker): relays without an
 * account are paid on chain to their reward addresses, to the droplet, with the txid on their receipts; a rerun
 * pays nothing twice; a restart between signing and injecting injects the stored transaction, never a second one.
 */
@SpringBootTest(classes = SkyxApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("local")
class ChainPayoutIT {
    private static final int RELAYS = 4;
    private static final long SEED = 11;
    private static final long POOL = 1_117_808_000L;
    private static final Duration WAIT = Duration.ofSeconds(90);

    @Autowired
    SettlementRunner runner;
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
    PoolFunding funding;
    @Autowired
    MarketCatalog catalog;

    @DynamicPropertySource
    static void props(DynamicPropertyRegistry registry) throws Exception {
        IntegrationTestBase.appWithoutNode(registry);
        SkyChainTestBase.privateChain(registry, "skyx-chain-payout");
        registry.add("skyx.skywire.simulate.relays", () -> "0");
        registry.add("skyx.skywire.pool-droplets", () -> Long.toString(POOL));
        registry.add("skyx.custody.sky.local-funding", () -> "10000000000000");
    }

    @Test
    void relaysWithoutAnAccountArePaidOnChainOnceEvenAcrossARestartBetweenSignAndInject() throws Exception {
        Path base = Files.createTempDirectory("skyx-chain-payout-kafka");
        for (int i = 0; i < RELAYS; i++) {
            relays.register(Simulator.key(SEED, i).pub(), "10.1.0." + i, null);
        }
        try (InProcessKafkaBroker broker = InProcessKafkaBroker.start(base.resolve("kafka"), 0);
             KafkaRecordSink sink = new KafkaRecordSink(broker.bootstrapServers(), "skywire.usage")) {
            Simulator sim = new Simulator(RELAYS, SEED, 1000, base.resolve("agents"), sink);
            int published = sim.step(DAY0 + 3600) + sim.step(DAY0 + 86_400);
            assertThat(sim.claim(EPOCH0)).isEqualTo(RELAYS);
            UsageIngester ingester = new UsageIngester(() -> DAY0 + 2 * 86_400);
            try (UsageConsumer consumer = new UsageConsumer(broker.bootstrapServers(), "skyx-chain-payout",
                    "skywire.usage", "skywire.usage.dlt", db, ingester)) {
                long deadline = System.nanoTime() + WAIT.toNanos();
                while (consumer.accepted() < published + RELAYS && System.nanoTime() < deadline) {
                    Thread.sleep(100);
                }
                assertThat(consumer.accepted()).isEqualTo(published + RELAYS);
            }
        }

        SettlementRunner.Result first = runner.run(EPOCH0, "test");
        assertThat(first.settlement().claims()).isEqualTo(RELAYS);
        assertThat(first.payouts().credited()).isZero();
        confirmAll(EPOCH0);
        Map<String, Long> owed = owed(EPOCH0);
        assertThat(owed).hasSize(RELAYS);
        assertThat(owed.values()).allSatisfy(v -> assertThat(v % 1000).isZero());
        String txid = onlyTxid(EPOCH0);
        for (Map.Entry<String, Long> e : owed.entrySet()) {
            List<UxOut> outs = node.store().unspentsOf(Address.parse(e.getKey()));
            assertThat(outs).as("one output at " + e.getKey()).singleElement().satisfies(u -> {
                assertThat(u.body().coins()).isEqualTo(e.getValue());
                assertThat(u.body().hours()).isPositive();
                assertThat(u.body().srcTransaction().hex()).isEqualTo(txid);
            });
        }
        assertThat(relays.receipts(Simulator.key(SEED, 1).pub(), 10)).singleElement().asString()
                .contains("\"payout_txid\":\"" + txid + "\"");

        SettlementRunner.Result again = runner.run(EPOCH0, "test");
        assertThat(again.settlement().alreadySettled()).isTrue();
        assertThat(again.payouts().paidOnChain()).isZero();
        assertThat(again.payouts().pendingOnChain()).isZero();
        assertThat(count(db, "select count(*) from skywire_chain_batch")).isEqualTo(1);
        for (Map.Entry<String, Long> e : owed.entrySet()) {
            assertThat(node.store().unspentsOf(Address.parse(e.getKey()))).hasSize(1);
        }

        // the next epoch: two relays without an account; the process signs the batch and "dies" before injecting
        long epoch = EPOCH0 + 1;
        KeyPair c = SkywireFixtures.relay("chain-c");
        KeyPair d = SkywireFixtures.relay("chain-d");
        relays.register(c.pub(), "203.0.113.20", null);
        relays.register(d.pub(), "203.0.113.21", null);
        UsageIngester ingester = new UsageIngester(() -> (epoch + 2) * 86_400);
        long day = epoch * 86_400;
        SignedRecord rc = SkywireFixtures.report(c, d, "stcpr", day, day + 3600, 5_000_000, 2_000_000, 1);
        SignedRecord rd = SkywireFixtures.report(d, c, "stcpr", day, day + 3600, 2_000_000, 5_000_000, 1);
        try (Connection conn = db.getConnection()) {
            for (SignedRecord r : List.of(rc, rd, claim(c, epoch, rc), claim(d, epoch, rd))) {
                assertThat(ingester.ingest(conn, r.encode(), "test").status())
                        .isEqualTo(UsageIngester.Status.ACCEPTED);
            }
        }
        job.settle(epoch);
        ChainPayouts dying = new ChainPayouts(db, cmd -> SettlementPayouts.submit(sequencer, cmd), funding,
                catalog.asset("SKY", "asset").id(), custody.wallet(), 50, 1);
        assertThat(dying.signOnly(epoch)).isEqualTo(1);
        String signed = onlyTxid(epoch);
        assertThat(node.store().transaction(SHA256.fromHex(signed))).as("nothing injected").isEmpty();

        runner.run(epoch, "test");
        confirmAll(epoch);
        assertThat(onlyTxid(epoch)).as("the stored transaction, not a second one").isEqualTo(signed);
        Map<String, Long> owed2 = owed(epoch);
        assertThat(owed2).hasSize(2);
        for (Map.Entry<String, Long> e : owed2.entrySet()) {
            assertThat(node.store().unspentsOf(Address.parse(e.getKey()))).singleElement().satisfies(u -> {
                assertThat(u.body().coins()).isEqualTo(e.getValue());
                assertThat(u.body().srcTransaction().hex()).isEqualTo(signed);
            });
        }
        assertThat(count(db, "select count(*) from skywire_chain_batch where epoch = " + epoch)).isEqualTo(1);
        assertThat(count(db, "select count(*) from skywire_chain_batch where ledger_seq is null")).isZero();
        long paid = count(db, "select sum(amount) from skywire_payout where state = 'done'");
        assertThat(count(db, "select sum(total) from skywire_chain_batch")).isEqualTo(paid);
        long owedToUsers = sequencer.owedToUsers(catalog.asset("SKY", "asset").id()).get();
        assertThat(owedToUsers).as("the pool's SKY left the platform, nothing was credited to a user").isZero();
    }

    private void confirmAll(long epoch) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (count(db, "select count(*) from skywire_payout where epoch = " + epoch + " and state <> 'done'") > 0) {
            assertThat(System.nanoTime()).as("timed out waiting for the payouts of " + epoch).isLessThan(deadline);
            Thread.sleep(300);
            runner.run(epoch, "test");
        }
    }

    private String onlyTxid(long epoch) throws Exception {
        try (Connection c = db.getConnection();
             PreparedStatement ps = c.prepareStatement("select txid from skywire_chain_batch where epoch = ?")) {
            ps.setLong(1, epoch);
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).isTrue();
                String txid = rs.getString(1);
                assertThat(rs.next()).isFalse();
                return txid;
            }
        }
    }

    private Map<String, Long> owed(long epoch) throws Exception {
        Map<String, Long> out = new HashMap<>();
        try (Connection c = db.getConnection();
             PreparedStatement ps = c.prepareStatement("select reward_address, amount, state, method from"
                     + " skywire_payout where epoch = ?")) {
            ps.setLong(1, epoch);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    assertThat(rs.getString(3)).isEqualTo("done");
                    assertThat(rs.getString(4)).isEqualTo("chain");
                    out.merge(rs.getString(1), rs.getLong(2), Long::sum);
                }
            }
        }
        return out;
    }

    private static SignedRecord claim(KeyPair k, long epoch, SignedRecord report) {
        return SignedRecord.sign(new EpochClaim(k.pub(), epoch, k.address(), List.of(report.id())), k.sec());
    }
}
