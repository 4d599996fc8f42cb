package io.skyx.api.security;

import static io.skyx.api.security.Attacker.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import io.skyx.api.testing.TestDatabase;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/**
 * Attack: capture a signed order (stamped a little ahead, so it stays inside the window), restart the app, and
 * send it again. The window is widened to 60 s here so that the restart fits inside it (with the default ±5 s
 * a restart alone already outlasts the window, and a timestamp 25 s ahead is refused outright). The replay guard lives in PostgreSQL (shared by every instance on the database),
 * so the replay is refused and exactly one order exists.
 */
class SecurityReplayIT {

    private static final String ORDER =
            "{\"market\":\"SKY-BTC\",\"side\":\"buy\",\"type\":\"limit\",\"price\":\"0.00000050\",\"amount\":\"10\"}";

    private static final String WIDE_WINDOW = "skyx.security.signature-window=60s";

    @Test
    void aSignedOrderReplayedAfterARestartIsRefused() throws Exception {
        TestDatabase.Conn db = TestDatabase.freshDatabase();
        SignedClient.Signed captured;
        String key;
        String secret;
        try (AppInstance first = AppInstance.start(db, WIDE_WINDOW)) {
            BrowserClient alice = Attacker.signedUp(first.url(""));
            Attacker.fund(alice);
            SignedClient bot = Attacker.apiKey(alice, first.url(""));
            key = bot.key();
            secret = bot.secret();
            captured = bot.sign("POST", "/api/v1/orders", ORDER, System.currentTimeMillis() + 2_000);
            HttpResponse<String> placed = bot.send(captured);
            assertThat(placed.statusCode()).as(placed.body()).isEqualTo(201);
            assertError(bot.send(captured), 401, "REPLAYED_REQUEST");
        }
        try (AppInstance restarted = AppInstance.start(db, WIDE_WINDOW)) {
            Attacker.State before = Attacker.state(restarted.jdbc());
            SignedClient bot = new SignedClient(restarted.url(""), key, secret);
            assertError(bot.send(captured), 401, "REPLAYED_REQUEST");
            assertThat(Attacker.state(restarted.jdbc())).isEqualTo(before);
            assertThat(before.orders()).as("one order only").isEqualTo(1);
            assertThat(restarted.jdbc().queryForObject("select count(*) from seen_signatures where signature = ?",
                    Long.class, captured.signature())).isEqualTo(1);
        }
    }

    @Test
    void withTheDefaultWindowATimestamp25SecondsAheadIsRefused() throws Exception {
        TestDatabase.Conn db = TestDatabase.freshDatabase();
        try (AppInstance app = AppInstance.start(db)) {
            BrowserClient alice = Attacker.signedUp(app.url(""));
            Attacker.fund(alice);
            SignedClient bot = Attacker.apiKey(alice, app.url(""));
            Attacker.State before = Attacker.state(app.jdbc());
            assertError(bot.send(bot.sign("POST", "/api/v1/orders", ORDER, System.currentTimeMillis() + 25_000)),
                    401, "TIMESTAMP_OUT_OF_WINDOW");
            assertError(bot.send(bot.sign("POST", "/api/v1/orders", ORDER, System.currentTimeMillis() - 6_000)),
                    401, "TIMESTAMP_OUT_OF_WINDOW");
            assertThat(Attacker.state(app.jdbc())).isEqualTo(before);
        }
    }
}
