package io.skyx.api.settlement;

import static io.skyx.api.settlement.SkywireFixtures.count;
import static org.assertj.core.api.Assertions.assertThat;

import io.skyx.api.testing.TestDatabase;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A settlement job killed with SIGKILL halfway: the job runs in a child JVM ({@link SettlementJobMain}) on an
 * epoch of 1 500 relays and 15 000 transports, and is killed while it is writing its receipts and payouts (seen in
 * {@code pg_stat_activity}). Nothing of it is left; the rerun gives the report hash of an undisturbed run on the
 * same inputs, with one payout row per paid relay, and a third run changes nothing.
 */
class SettlementJobKillIT {
    static final long EPOCH = SkywireFixtures.EPOCH0;

    static SettlementJob job(DataSource ds) {
        return new SettlementJob(ds, 1_117_808_000L, "0.5", 8, 64);
    }

    @Test
    void aJobKilledHalfwayResumesToTheSameReportAndPaysNothingTwice() throws Exception {
        DataSource clean = SkywireFixtures.migratedDatabase();
        SettlementLoad.populate(clean, 1500, 10, EPOCH);
        String reference = job(clean).settle(EPOCH).reportHash();
        long paidRelays = count(clean, "select count(*) from skywire_payout");
        assertThat(paidRelays).isPositive();

        TestDatabase.Conn conn = TestDatabase.freshDatabase();
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setURL(conn.url());
        ds.setUser(conn.user());
        ds.setPassword(conn.password());
        Flyway.configure().dataSource(ds).locations("classpath:db/migration").load().migrate();
        SettlementLoad.populate(ds, 1500, 10, EPOCH);

        Path log = Files.createDirectories(Path.of("target", "settlement-kill-it")).resolve("job.log");
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), SettlementJobMain.class.getName(), conn.url(),
                conn.user(), conn.password(), Long.toString(EPOCH))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        String seen = awaitWriting(ds, child);
        child.destroyForcibly();
        assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        System.out.println("SettlementJobKillIT: killed the job while it ran: " + seen);
        assertThat(seen).as("the job was killed while writing its results, not before or after")
                .containsAnyOf("skywire_receipt", "skywire_payout", "skywire_settlement");
        assertThat(Files.readString(log.toAbsolutePath())).doesNotContain("settled ");

        awaitNoBackendOf(ds);
        assertThat(count(ds, "select count(*) from skywire_settlement")).isZero();
        assertThat(count(ds, "select count(*) from skywire_receipt")).isZero();
        assertThat(count(ds, "select count(*) from skywire_payout")).isZero();
        SettlementJob.Summary rerun = job(ds).settle(EPOCH);
        assertThat(rerun.alreadySettled()).isFalse();
        assertThat(rerun.reportHash()).isEqualTo(reference);
        assertThat(count(ds, "select count(*) from skywire_payout")).isEqualTo(paidRelays);
        assertThat(count(ds, "select count(distinct relay) from skywire_payout")).isEqualTo(paidRelays);
        assertThat(job(ds).settle(EPOCH).alreadySettled()).isTrue();
        assertThat(count(ds, "select count(*) from skywire_payout")).isEqualTo(paidRelays);
    }

    /** Waits until the child's session runs an insert of the job's results; returns that query's start. */
    private static String awaitWriting(DataSource ds, Process child) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        try (Connection c = ds.getConnection();
             PreparedStatement ps = c.prepareStatement("select left(query, 60) from pg_stat_activity where"
                     + " datname = current_database() and pid <> pg_backend_pid() and state = 'active'"
                     + " and query like 'insert into skywire_%'")) {
            while (System.nanoTime() < deadline && child.isAlive()) {
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        return rs.getString(1);
                    }
                }
                Thread.sleep(2);
            }
        }
        return "not seen (child alive: " + child.isAlive() + ")";
    }

    /** After SIGKILL the server notices the closed socket and rolls back; wait until it has. */
    private static void awaitNoBackendOf(DataSource ds) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline && count(ds, "select count(*) from pg_stat_activity where datname ="
                + " current_database() and pid <> pg_backend_pid() and backend_type = 'client backend'") > 0) {
            Thread.sleep(50);
        }
    }
}
