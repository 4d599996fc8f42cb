package io.skyx.api.settlement;

import static org.assertj.core.api.Assertions.assertThat;

import io.skyx.api.testing.SkyChainTestBase;
import io.skyx.api.testing.TestBrowser;
import io.skyx.node.cipher.KeyPair;
import io.skyx.skywire.EpochClaim;
import io.skyx.skywire.SignedRecord;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The settlement job's operator CLI ({@link SettleCommand}, signed with an API key against the running app) and
 * its schedule ({@link SettlementSchedule#tick()} with a fixed clock): each settles and pays an epoch once; a
 * repeated run or tick changes nothing; bad usage and a bad key are refused. Its own context (and database).
 */
@TestPropertySource(properties = "skyx.skywire.pool-droplets=2000000000")
class SettleCommandIT extends SkyChainTestBase {

    @Autowired
    SettlementRunner runner;
    @Autowired
    DataSource db;
    @Autowired
    UsageIngester ingester;

    @Test
    void theCliAndTheScheduleSettleAndPayEachEpochOnce() throws Exception {
        long today = System.currentTimeMillis() / 86_400_000L;
        KeyPair a = SkywireFixtures.relay("cli-a");
        KeyPair b = SkywireFixtures.relay("cli-b");
        TestBrowser operator = new TestBrowser(url("")).signUp();
        // a is paid by ledger credit too, to another account: no on-chain payout, so the schedule's ticks and the
        // counts below do not depend on blocks
        TestBrowser other = new TestBrowser(url("")).signUp();
        assertThat(operator.send("PUT", "/api/v1/admin/skywire/relays/" + a.pub().hex(), "{\"externalIp\":"
                + "\"203.0.113.7\",\"userId\":\"" + other.userId() + "\"}").statusCode()).isEqualTo(204);
        assertThat(operator.send("PUT", "/api/v1/admin/skywire/relays/" + b.pub().hex(), "{\"externalIp\":"
                + "\"203.0.113.8\",\"userId\":\"" + operator.userId() + "\"}").statusCode()).isEqualTo(204);
        long seq = 1;
        for (long epoch = today - 3; epoch < today; epoch++) {
            traffic(a, b, epoch, seq++);
        }

        // the schedule, at 02:00 of yesterday with an hour's grace: the two epochs before yesterday, oldest first
        SettlementSchedule schedule = new SettlementSchedule(runner, 86_400, 3600, () -> (today - 1) * 86_400 + 7200);
        try {
            assertThat(runner.due((today - 1) - 1)).containsExactly(today - 3, today - 2);
            assertThat(schedule.tick()).isEqualTo(2);
            assertThat(schedule.tick()).as("a second tick has nothing to do").isZero();
        } finally {
            schedule.close();
        }
        assertThat(SkywireFixtures.count(db, "select count(*) from skywire_settlement")).isEqualTo(2);
        assertThat(SkywireFixtures.count(db, "select carry_in from skywire_settlement where epoch = " + (today - 2)))
                .as("the second epoch's pool takes the first one's remainder").isEqualTo(SkywireFixtures.count(db,
                        "select remainder from skywire_settlement where epoch = " + (today - 3)));
        assertThat(SkywireFixtures.count(db, "select count(*) from operator_audit where actor = '"
                + SettlementSchedule.ACTOR + "'")).isEqualTo(2);

        JsonNode key = TestBrowser.json(operator.post("/api/v1/api-keys", "{\"label\":\"settle cli\"}").body());
        Map<String, String> env = Map.of("SKYX_API_KEY", key.get("key").asString(),
                "SKYX_API_SECRET", key.get("secret").asString());
        String[] args = {String.valueOf(today - 1), "--url", url(""), "--report", "csv"};
        Run first = cli(args, env);
        assertThat(first.code()).as(first.err()).isZero();
        JsonNode firstJson = TestBrowser.json(first.out().lines().findFirst().orElseThrow());
        assertThat(firstJson.get("settlement").get("alreadySettled").asBoolean()).isFalse();
        assertThat(firstJson.get("payouts").get("credited").asInt()).isEqualTo(2);
        assertThat(first.out()).contains("relay,claim_id,reward_address", b.pub().hex());
        Run again = cli(args, env);
        JsonNode againJson = TestBrowser.json(again.out().lines().findFirst().orElseThrow());
        assertThat(againJson.get("settlement").get("alreadySettled").asBoolean()).isTrue();
        assertThat(againJson.get("settlement").get("reportHash").asString())
                .isEqualTo(firstJson.get("settlement").get("reportHash").asString());
        assertThat(againJson.get("payouts").get("credited").asInt()).isZero();

        long paidToB = SkywireFixtures.count(db, "select coalesce(sum(amount), 0) from skywire_payout where state ="
                + " 'done' and relay = decode('" + b.pub().hex() + "', 'hex')");
        assertThat(paidToB).isPositive();
        String sky = TestBrowser.json(operator.get("/api/v1/balances").body()).path("SKY").path("total").asString();
        assertThat(new BigDecimal(sky).movePointRight(6).longValueExact()).as("three epochs credited once each")
                .isEqualTo(paidToB);
        assertThat(SkywireFixtures.count(db, "select count(*) from skywire_payout where state = 'done'")).isEqualTo(6);

        assertThat(cli(new String[] {"tomorrow"}, env).code()).isEqualTo(2);
        assertThat(cli(new String[] {"--url"}, env).code()).isEqualTo(2);
        assertThat(cli(new String[] {String.valueOf(today - 1), "--url", url("")}, Map.of()).code()).isEqualTo(2);
        Run badKey = cli(new String[] {String.valueOf(today - 1), "--url", url("")},
                Map.of("SKYX_API_KEY", key.get("key").asString(), "SKYX_API_SECRET", "wrong"));
        assertThat(badKey.code()).isEqualTo(1);
        assertThat(cli(new String[] {String.valueOf(today), "--url", url("")}, env).err())
                .as("an epoch that has not ended").contains("has not ended");
        assertThat(SkywireFixtures.count(db, "select count(*) from skywire_settlement")).isEqualTo(3);
    }

    /** Both relays report the epoch's transport and claim it; b (with an account) is paid by ledger credit. */
    private void traffic(KeyPair a, KeyPair b, long epoch, long seq) throws Exception {
        long day = epoch * 86_400;
        SignedRecord ra = SkywireFixtures.report(a, b, "stcpr", day, day + 3600, 3_000_000 + seq, 2_000_000, seq);
        SignedRecord rb = SkywireFixtures.report(b, a, "stcpr", day, day + 3600, 2_000_000, 3_000_000 + seq, seq);
        try (Connection c = db.getConnection()) {
            for (SignedRecord r : List.of(ra, rb, claim(a, epoch, ra), claim(b, epoch, rb))) {
                assertThat(ingester.ingest(c, r.encode(), "test").status()).isEqualTo(UsageIngester.Status.ACCEPTED);
            }
        }
    }

    private static SignedRecord claim(KeyPair k, long epoch, SignedRecord report) {
        return SignedRecord.sign(new EpochClaim(k.pub(), epoch, k.address(), List.of(report.id())), k.sec());
    }

    private record Run(int code, String out, String err) {
    }

    private static Run cli(String[] args, Map<String, String> env) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = SettleCommand.run(args, env, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
