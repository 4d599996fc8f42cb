package io.skyx.api.security;

import static io.skyx.api.security.Attacker.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import io.skyx.api.testing.TestDatabase;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/**
 * Attack: capture a signed order (stamped a little ahead, so it stays inside the window), restart the app, and
 * send it again. The replay guard lives in PostgreSQL (shared by every instance on the database),
 * so the replay is refused and exactly one order exists.
 */
class SecurityReplayIT {

    private static final String ORDER =
            "{\"market\":\"SKY-BTC\",\"side\":\"buy\",\"type\":\"limit\",\"price\":\"0.00000050\",\"amount\":\"10\"}";

    @Test
    void aSignedOrderReplayedAfterARestartIsRefused() throws Exception {
        TestDatabase.Conn db = TestDatabase.freshDatabase();
        SignedClient.Signed captured;
        String key;
        String secret;
        try (AppInstance first = AppInstance.start(db)) {
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
        try (AppInstance restarted = AppInstance.start(db)) {
            Attacker.State before = Attacker.state(restarted.jdbc());
            SignedClient bot = new SignedClient(restarted.url(""), key, secret);
            assertError(bot.send(captured), 401, "REPLAYED_REQUEST");
            assertThat(Attacker.state(restarted.jdbc())).isEqualTo(before);
            assertThat(before.orders()).as("one order only").isEqualTo(1);
            assertThat(restarted.jdbc().queryForObject("select count(*) from seen_signatures where signature = ?",
                    Long.class, captured.signature())).isEqualTo(1);
        }
    }
}
