package io.skyx.api.sequencer;

import static org.assertj.core.api.Assertions.assertThat;

import io.skyx.api.testing.TestBrowser;
import io.skyx.api.testing.TestDatabase;
import io.skyx.engine.EngineConfig;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Crash safety: the app runs as a child JVM on a real PostgreSQL; clients stream orders; the app is killed with
 * SIGKILL mid-stream and restarted. Every acknowledged order is there, the ledger still balances, and the state
 * hash equals a fresh replay of the journal. Every acknowledged order is in the journal exactly once, the
 * projections catch up and equal a rebuild from sequence 0 (run 3), a repeated clientOrderId after the restart
 * returns the original order. Seed: {@code -Dskyx.test.seed=N}.
 */
class CrashRecoveryIT {

    private static final int CLIENTS = 4;
    private static final int ACKS_BEFORE_KILL = 120;

    @Test
    void everyAcknowledgedOrderSurvivesSigkillAndTheStateHashMatchesAReplay() throws Exception {
        long seed = Long.getLong("skyx.test.seed", System.nanoTime());
        System.out.println("CrashRecoveryIT seed: " + seed + " (rerun with -Dskyx.test.seed=" + seed + ")");
        TestDatabase.Conn db = TestDatabase.freshDatabase();
        int port = freePort();
        Path logDir = Files.createDirectories(Path.of("target", "crash-it"));

        Process app = start(db, port, logDir.resolve("run1.log").toFile());
        Map<String, String> acked = new ConcurrentHashMap<>();
        List<TestBrowser> users = new ArrayList<>();
        try {
            awaitHealthy(port, app);
            for (int i = 0; i < CLIENTS; i++) {
                TestBrowser u = new TestBrowser("http://localhost:" + port).signUp();
                assertThat(u.post("/api/v1/test-funds", null).statusCode()).isEqualTo(200);
                users.add(u);
            }
            AtomicBoolean stop = new AtomicBoolean();
            AtomicInteger ackCount = new AtomicInteger();
            ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
            for (int i = 0; i < CLIENTS; i++) {
                TestBrowser u = users.get(i);
                Random rnd = new Random(seed + i);
                int client = i;
                pool.execute(() -> streamOrders(u, client, rnd, stop, acked, ackCount));
            }
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
            while (ackCount.get() < ACKS_BEFORE_KILL && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            app.destroyForcibly();
            assertThat(app.waitFor(30, TimeUnit.SECONDS)).isTrue();
            stop.set(true);
            pool.shutdown();
            assertThat(pool.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
            assertThat(acked.size()).as("orders acknowledged before the kill").isGreaterThanOrEqualTo(ACKS_BEFORE_KILL);
        } finally {
            app.destroyForcibly();
        }

        Process again = start(db, port, logDir.resolve("run2.log").toFile());
        try {
            awaitHealthy(port, again);
            for (TestBrowser u : users) {
                TestBrowser b = new TestBrowser("http://localhost:" + port).logIn(u);
                for (Map.Entry<String, String> e : acked.entrySet()) {
                    if (!e.getValue().startsWith(u.userId() + ":")) {
                        continue;
                    }
                    HttpResponse<String> r = b.get("/api/v1/orders/" + e.getKey());
                    assertThat(r.statusCode()).as("acknowledged order " + e.getKey()).isEqualTo(200);
                    assertThat(TestBrowser.json(r.body()).path("clientOrderId").asString())
                            .isEqualTo(e.getValue().substring(e.getValue().indexOf(':') + 1));
                }
            }
            TestBrowser admin = new TestBrowser("http://localhost:" + port).logIn(users.getFirst());
            JsonNode state = TestBrowser.json(admin.get("/api/v1/admin/state").body());
            Map<String, List<String>> caughtUp;
            try (Connection c = db.open()) {
                Sequencer.StateView replay = JournalReplay.replay(c, EngineConfig.skyBtc());
                assertThat(state.path("sequence").asLong()).isEqualTo(replay.sequence());
                assertThat(state.path("stateHash").asString()).isEqualTo(replay.stateHash());
                for (Map.Entry<String, String> e : acked.entrySet()) {
                    // the API shows the public user id; the idempotency key holds the internal one
                    int colon = e.getValue().indexOf(':');
                    List<Long> internal = longs(c, "select id from users where public_id = '"
                            + e.getValue().substring(0, colon) + "'::uuid");
                    String key = "order:" + internal.getFirst() + e.getValue().substring(colon);
                    assertThat(longs(c, "select seq from journal where idem_key = '" + key + "'"))
                            .as("acknowledged order %s journaled exactly once", e.getKey())
                            .containsExactly(Long.parseLong(e.getKey()));
                }
                for (String asset : new String[] {"SKY", "BTC"}) {
                    assertThat(longs(c, "select coalesce(sum(amount),0) from ledger_entries where asset = '"
                            + asset + "'")).as("ledger sum " + asset).containsExactly(0L);
                }
                awaitProjections(c);
                caughtUp = ProjectionRows.dump(c);
            }
            // a repeated clientOrderId after the restart returns the original order
            Map.Entry<String, String> one = acked.entrySet().iterator().next();
            TestBrowser owner = users.stream().filter(u -> one.getValue().startsWith(u.userId() + ":")).findFirst()
                    .orElseThrow();
            TestBrowser ownerAgain = new TestBrowser("http://localhost:" + port).logIn(owner);
            HttpResponse<String> repeat = ownerAgain.post("/api/v1/orders", "{\"market\":\"SKY-BTC\",\"side\":\"buy\","
                    + "\"type\":\"limit\",\"price\":\"0.000001\",\"amount\":\"1\",\"clientOrderId\":\""
                    + one.getValue().substring(one.getValue().indexOf(':') + 1) + "\"}");
            assertThat(repeat.statusCode()).as(repeat.body()).isEqualTo(200);
            assertThat(TestBrowser.json(repeat.body()).path("id").asString()).isEqualTo(one.getKey());
            rebuildCheck(db, port, logDir, again, caughtUp);
            again = start(db, port, logDir.resolve("run4.log").toFile());
            awaitHealthy(port, again);
            admin = new TestBrowser("http://localhost:" + port).logIn(users.getFirst());
            // and the restarted app keeps trading
            HttpResponse<String> more = admin.post("/api/v1/orders", "{\"market\":\"SKY-BTC\",\"side\":\"sell\","
                    + "\"type\":\"limit\",\"price\":\"0.001\",\"amount\":\"1\"}");
            assertThat(more.statusCode()).as(more.body()).isEqualTo(201);
        } finally {
            again.destroyForcibly();
            again.waitFor(30, TimeUnit.SECONDS);
        }
    }

    /**
     * Stops the app, deletes every projection's rows and position, starts it again (run 3) and checks that the
     * projections rebuilt from sequence 0 equal the ones that caught up after the crash.
     */
    private static void rebuildCheck(TestDatabase.Conn db, int port, Path logDir, Process running,
                                     Map<String, List<String>> caughtUp) throws Exception {
        running.destroy();
        assertThat(running.waitFor(60, TimeUnit.SECONDS)).isTrue();
        try (Connection c = db.open(); var st = c.createStatement()) {
            st.execute("delete from orders; delete from trades; delete from candles; delete from ledger_entries; "
                    + "delete from accounts; delete from stream_messages; delete from stream_orders; "
                    + "delete from stream_candles; "
                    + "delete from projection_position");
        }
        Process third = start(db, port, logDir.resolve("run3.log").toFile());
        try {
            awaitHealthy(port, third);
            try (Connection c = db.open()) {
                awaitProjections(c);
                Map<String, List<String>> rebuilt = ProjectionRows.dump(c);
                for (String table : caughtUp.keySet()) {
                    assertThat(rebuilt.get(table)).as("%s rebuilt from 0 equals %s caught up after the crash",
                            table, table).isEqualTo(caughtUp.get(table));
                }
            }
        } finally {
            third.destroy();
            third.waitFor(60, TimeUnit.SECONDS);
        }
    }

    private static void awaitProjections(Connection c) throws Exception {
        long target = longs(c, "select coalesce(max(seq),0) from journal").getFirst();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (true) {
            List<Long> pos = longs(c, "select seq from projection_position");
            if (pos.size() >= 3 && pos.stream().allMatch(p -> p >= target)) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("projections " + pos + " did not reach " + target);
            }
            Thread.sleep(100);
        }
    }

    private static List<Long> longs(Connection c, String sql) throws java.sql.SQLException {
        List<Long> out = new ArrayList<>();
        try (var st = c.createStatement(); var rs = st.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getLong(1));
            }
        }
        return out;
    }

    private static void streamOrders(TestBrowser u, int client, Random rnd, AtomicBoolean stop,
                                     Map<String, String> acked, AtomicInteger ackCount) {
        for (int n = 0; !stop.get(); n++) {
            String coid = "c" + client + "-" + n;
            boolean buy = rnd.nextBoolean();
            int priceSat = 95 + rnd.nextInt(11);
            String body = "{\"market\":\"SKY-BTC\",\"side\":\"" + (buy ? "buy" : "sell") + "\",\"type\":\"limit\","
                    + "\"price\":\"0.00000" + priceSat + "\",\"amount\":\"" + (1 + rnd.nextInt(3))
                    + "\",\"clientOrderId\":\"" + coid + "\"}";
            try {
                HttpResponse<String> r = u.post("/api/v1/orders", body);
                if (r.statusCode() == 201) {
                    acked.put(TestBrowser.json(r.body()).path("id").asString(), u.userId() + ":" + coid);
                    ackCount.incrementAndGet();
                }
            } catch (IOException e) {
                return;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static Process start(TestDatabase.Conn db, int port, File log) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = List.of(java, "-Xmx512m", "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"), "io.skyx.api.SkyxApplication",
                "--server.port=" + port, "--spring.profiles.active=local",
                "--skyx.embedded-postgres.enabled=false", "--skyx.kafka.embedded.enabled=false", "--skyx.node.enabled=false", "--skyx.custody.btc.enabled=false",
                "--skyx.sequencer.snapshot-every=50",
                "--spring.datasource.url=" + db.url(), "--spring.datasource.username=" + db.user(),
                "--spring.datasource.password=" + db.password());
        return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log).start();
    }

    private static void awaitHealthy(int port, Process p) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        while (System.nanoTime() < deadline) {
            if (!p.isAlive()) {
                throw new AssertionError("the app exited with " + p.exitValue() + " (see target/crash-it)");
            }
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/actuator/health")).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new AssertionError("the app did not become healthy within 180 s");
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
