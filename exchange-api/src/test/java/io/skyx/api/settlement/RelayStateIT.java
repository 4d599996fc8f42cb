package io.skyx.api.settlement;

import static io.skyx.api.settlement.SkywireFixtures.DAY0;
import static io.skyx.api.settlement.SkywireFixtures.count;
import static io.skyx.api.settlement.SkywireFixtures.relay;
import static io.skyx.api.settlement.SkywireFixtures.report;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.skyx.node.cipher.KeyPair;
import io.skyx.skywire.Reason;
import io.skyx.skywire.SignedRecord;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * The in-memory per-relay state of an ingester ({@link RelayState}) on real PostgreSQL: it never trusts itself past
 * a write it did not make (another ingester, as another process would be; its own batch rolled back; a write by
 * plain SQL), and the set-based check that replaced the foreign key still refuses a report without its record.
 */
class RelayStateIT {
    private static final long NOW = DAY0 + 2 * 86_400;

    @Test
    void theCacheForgetsWhatOthersWroteAndWhatRolledBack() throws Exception {
        DataSource ds = SkywireFixtures.migratedDatabase();
        KeyPair a = relay("state-a");
        KeyPair b = relay("state-b");
        UsageIngester mine = new UsageIngester(() -> NOW);
        UsageIngester other = new UsageIngester(() -> NOW);

        assertThat(ingest(ds, mine, report(a, b, "stcpr", DAY0, DAY0 + 60, 100, 100, 1), true))
                .isEqualTo(UsageIngester.Status.ACCEPTED);
        // another process stores seq 2 with higher counters: my cache still says seq 1, counters 100
        assertThat(ingest(ds, other, report(a, b, "stcpr", DAY0 + 60, DAY0 + 120, 500, 500, 2), true))
                .isEqualTo(UsageIngester.Status.ACCEPTED);
        assertThat(refusal(ds, mine, report(a, b, "stcpr", DAY0 + 120, DAY0 + 180, 300, 300, 3)))
                .as("checked against the other process's report").isEqualTo(Reason.COUNTER_DECREASED);

        // my own batch rolled back: its seq 3 is not stored, so another seq 3 is accepted
        assertThat(ingest(ds, mine, report(a, b, "stcpr", DAY0 + 120, DAY0 + 180, 600, 600, 3), false))
                .isEqualTo(UsageIngester.Status.ACCEPTED);
        assertThat(ingest(ds, mine, report(a, b, "stcpr", DAY0 + 120, DAY0 + 240, 700, 700, 3), true))
                .as("the rolled-back seq 3 is forgotten").isEqualTo(UsageIngester.Status.ACCEPTED);
        SignedRecord four = report(a, b, "stcpr", DAY0 + 240, DAY0 + 300, 800, 800, 4);
        assertThat(ingest(ds, mine, four, true)).isEqualTo(UsageIngester.Status.ACCEPTED);
        assertThat(ingest(ds, mine, four, true)).as("the same record again").isEqualTo(UsageIngester.Status.DUPLICATE);

        // a write by plain SQL (a manual fix, a bulk load) of seq 9
        SignedRecord nine = report(a, b, "stcpr", DAY0 + 300, DAY0 + 360, 900, 900, 9);
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            IngestWriter.insert(c, List.of(CheckedRecord.check(nine.encode(), "sql", NOW)));
            c.commit();
        }
        assertThat(refusal(ds, mine, report(a, b, "stcpr", DAY0 + 360, DAY0 + 420, 950, 950, 5)))
                .as("checked against the row written by SQL").isEqualTo(Reason.REPLAYED_SEQUENCE);
        assertThat(count(ds, "select count(*) from skywire_usage")).isEqualTo(5);
    }

    @Test
    void aReportWithoutItsRecordAndADeletedRecordAreRefusedByTheDatabase() throws Exception {
        DataSource ds = SkywireFixtures.migratedDatabase();
        KeyPair a = relay("fk-a");
        KeyPair b = relay("fk-b");
        assertThat(ingest(ds, new UsageIngester(() -> NOW), report(a, b, "stcpr", DAY0, DAY0 + 60, 1, 1, 1), true))
                .isEqualTo(UsageIngester.Status.ACCEPTED);
        try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
            assertThatThrownBy(() -> st.execute("insert into skywire_usage select sha256(record_id), reporter,"
                    + " transport_id, edge0, edge1, type, epoch, window_start, window_end, sent, recv, seq + 1"
                    + " from skywire_usage")).isInstanceOf(SQLException.class)
                    .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("23503"));
            assertThatThrownBy(() -> st.execute("delete from skywire_record")).isInstanceOf(SQLException.class)
                    .hasMessageContaining("append-only");
            assertThatThrownBy(() -> st.execute("update skywire_record set id = sha256(id)"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("append-only");
        }
        assertThat(count(ds, "select count(*) from skywire_usage u join skywire_record r on r.id = u.record_id"))
                .isEqualTo(1);
    }

    private static UsageIngester.Status ingest(DataSource ds, UsageIngester ingester, SignedRecord r, boolean commit)
            throws SQLException {
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            UsageIngester.Outcome o = ingester.ingest(c, r.encode(), "test");
            if (commit) {
                c.commit();
            } else {
                c.rollback();
            }
            return o.status();
        }
    }

    private static Reason refusal(DataSource ds, UsageIngester ingester, SignedRecord r) throws SQLException {
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            UsageIngester.Outcome o = ingester.ingest(c, r.encode(), "test");
            c.commit();
            assertThat(o.status()).isEqualTo(UsageIngester.Status.REFUSED);
            return o.reason();
        }
    }
}
