package io.skyx.api.settlement;

import static io.skyx.api.settlement.SkywireFixtures.DAY0;
import static io.skyx.api.settlement.SkywireFixtures.EPOCH0;
import static io.skyx.api.settlement.SkywireFixtures.count;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.skyx.node.cipher.KeyPair;
import io.skyx.skywire.EpochClaim;
import io.skyx.skywire.SignedRecord;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * A settlement job that dies halfway (the database fails it after the report and receipts are written, before the
 * payouts) leaves nothing behind; the rerun produces the same report hash as an undisturbed run on the same
 * inputs, with each payout once.
 */
class SettlementJobCrashIT {

    @Test
    void aJobFailingHalfwayLeavesNothingAndTheRerunGivesTheSameReport() throws Exception {
        DataSource clean = seeded();
        String reference = new SettlementJob(clean, 1_000_000_000L, "0.5", 8, 64).settle(EPOCH0).reportHash();

        DataSource ds = seeded();
        try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
            st.execute("create function fail_payout() returns trigger language plpgsql as $$ begin"
                    + " raise exception 'killed halfway'; end $$");
            st.execute("create trigger fail_payout before insert on skywire_payout for each row"
                    + " execute function fail_payout()");
        }
        SettlementJob job = new SettlementJob(ds, 1_000_000_000L, "0.5", 8, 64);
        assertThatThrownBy(() -> job.settle(EPOCH0)).isInstanceOf(SQLException.class)
                .hasMessageContaining("killed halfway");
        assertThat(count(ds, "select count(*) from skywire_settlement")).isZero();
        assertThat(count(ds, "select count(*) from skywire_receipt")).isZero();
        try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
            st.execute("drop trigger fail_payout on skywire_payout");
        }
        SettlementJob.Summary s = job.settle(EPOCH0);
        assertThat(s.reportHash()).isEqualTo(reference);
        assertThat(count(ds, "select count(*) from skywire_payout")).isEqualTo(4);
        assertThat(job.settle(EPOCH0).alreadySettled()).isTrue();
        assertThat(count(ds, "select count(*) from skywire_payout")).isEqualTo(4);
    }

    private static DataSource seeded() throws Exception {
        DataSource ds = SkywireFixtures.migratedDatabase();
        RelayDirectory dir = new RelayDirectory(ds);
        List<KeyPair> keys = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            keys.add(SkywireFixtures.relay("crash-" + i));
            dir.register(keys.get(i).pub(), "192.0.2." + (i / 2), null);
        }
        UsageIngester ingester = new UsageIngester(() -> DAY0 + 2 * 86_400);
        try (Connection c = ds.getConnection()) {
            for (int i = 0; i < 4; i++) {
                KeyPair me = keys.get(i);
                KeyPair peer = keys.get((i + 1) % 4);
                KeyPair prev = keys.get((i + 3) % 4);
                SignedRecord out = SkywireFixtures.report(me, peer, "stcpr", DAY0, DAY0 + 3600, 10_000L * (i + 1),
                        10_000L * ((i + 3) % 4 + 1), 1);
                SignedRecord in = SkywireFixtures.report(me, prev, "stcpr", DAY0, DAY0 + 3600, 10_000L * (i + 1),
                        10_000L * ((i + 3) % 4 + 1), 2);
                assertThat(ingester.ingest(c, out.encode(), "t").status()).isEqualTo(UsageIngester.Status.ACCEPTED);
                assertThat(ingester.ingest(c, in.encode(), "t").status()).isEqualTo(UsageIngester.Status.ACCEPTED);
                SignedRecord claim = SignedRecord.sign(new EpochClaim(me.pub(), EPOCH0, me.address(),
                        List.of(out.id(), in.id())), me.sec());
                assertThat(ingester.ingest(c, claim.encode(), "t").status())
                        .isEqualTo(UsageIngester.Status.ACCEPTED);
            }
        }
        return ds;
    }
}
