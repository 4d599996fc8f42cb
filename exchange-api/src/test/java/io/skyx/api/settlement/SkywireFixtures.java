package io.skyx.api.settlement;

import io.skyx.api.testing.TestDatabase;
import io.skyx.node.cipher.DeterministicKeys;
import io.skyx.node.cipher.KeyPair;
import io.skyx.skywire.SignedRecord;
import io.skyx.skywire.UsageReport;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.postgresql.ds.PGSimpleDataSource;

/** Shared test helpers: a migrated fresh database, deterministic relay keys, signed reports. */
final class SkywireFixtures {
    /** 2026-06-01T00:00:00Z, epoch 20605. */
    static final long DAY0 = 1780272000L;
    static final long EPOCH0 = DAY0 / 86_400;

    private SkywireFixtures() {
    }

    static DataSource migratedDatabase() {
        TestDatabase.Conn conn = TestDatabase.freshDatabase();
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setURL(conn.url());
        ds.setUser(conn.user());
        ds.setPassword(conn.password());
        Flyway.configure().dataSource(ds).locations("classpath:db/migration").load().migrate();
        return ds;
    }

    static KeyPair relay(String name) {
        try {
            return DeterministicKeys.keyPair(("skywire-test-" + name).getBytes(StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static SignedRecord report(KeyPair reporter, KeyPair peer, String type, long start, long end, long sent,
                               long recv, long seq) {
        return SignedRecord.sign(UsageReport.of(reporter.pub(), peer.pub(), type, start, end, sent, recv, seq),
                reporter.sec());
    }

    static long count(DataSource ds, String sql) throws SQLException {
        try (Connection c = ds.getConnection(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Refusal reasons keyed by their detail-free wire hash order: source → reason. */
    static Map<String, String> refusals(DataSource ds) throws SQLException {
        Map<String, String> out = new LinkedHashMap<>();
        try (Connection c = ds.getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("select source, reason from skywire_refusal order by source")) {
            while (rs.next()) {
                out.put(rs.getString(1), rs.getString(2));
            }
        }
        return out;
    }
}
