package io.skyx.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;

/** Shared steps of the attack tests: a funded user with an API key, and the state that must not change. */
final class Attacker {

    static final String PASSWORD = "correct horse battery";

    /** What a refused attack must leave unchanged: the journal's last sequence number and every balance. */
    record State(long journalSeq, List<Map<String, Object>> accounts, long orders) { }

    private Attacker() {
    }

    static String email() {
        return "a" + UUID.randomUUID().toString().replace("-", "").substring(0, 12) + "@example.com";
    }

    static BrowserClient signedUp(String base) throws Exception {
        BrowserClient b = new BrowserClient(base);
        HttpResponse<String> r = b.signup(email(), PASSWORD);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return b;
    }

    /** Faucet funds for the browser's user. */
    static void fund(BrowserClient b) throws Exception {
        HttpResponse<String> r = b.send("POST", "/api/v1/test-funds", null);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    }

    static SignedClient apiKey(BrowserClient b, String base) throws Exception {
        HttpResponse<String> r = b.send("POST", "/api/v1/api-keys", "{\"label\":\"bot\"}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        var created = Json.parse(r.body());
        return new SignedClient(base, created.path("key").asString(), created.path("secret").asString());
    }

    /**
     * The state once the projections have caught up with the journal (where projections are journal readers with
     * a stored position, waits for them, at most 10 s), so that two reads around a refused attack compare alike.
     */
    static State state(JdbcTemplate jdbc) throws InterruptedException {
        awaitProjections(jdbc);
        Long seq = jdbc.queryForObject("select coalesce(max(seq), 0) from journal", Long.class);
        List<Map<String, Object>> accounts =
                jdbc.queryForList("select user_id, asset, available, locked from accounts order by user_id, asset");
        Long orders = jdbc.queryForObject("select count(*) from orders", Long.class);
        return new State(seq == null ? 0 : seq, accounts, orders == null ? 0 : orders);
    }

    private static void awaitProjections(JdbcTemplate jdbc) throws InterruptedException {
        if (jdbc.queryForObject("select to_regclass('projection_position') is not null", Boolean.class) != Boolean.TRUE) {
            return;
        }
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (System.nanoTime() < deadline) {
            Boolean caughtUp = jdbc.queryForObject("""
                    select coalesce((select min(seq) from projection_position), 0)
                           >= coalesce((select max(seq) from journal), 0)""", Boolean.class);
            if (caughtUp == Boolean.TRUE) {
                return;
            }
            Thread.sleep(20);
        }
    }

    static void assertError(HttpResponse<String> r, int status, String code) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).as(r.body()).startsWith("application/json");
        assertThat(Json.errorCode(r.body())).as(r.body()).isEqualTo(code);
    }
}
