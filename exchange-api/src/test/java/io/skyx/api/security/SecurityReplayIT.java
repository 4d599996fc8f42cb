package io.skyx.api.security;

import static io.skyx.api.security.Attacker.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import io.skyx.api.testing.TestDatabase;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Attack: capture a signed order (stamped a little ahead, so it stays inside the window), restart the app, and
 * send it again. The window is widened to 60 s here so that the restart fits inside it (with the default ±5 s
 * a restart alone already outlasts the window, and a timestamp 25 s ahead is refused outright). The replay guard
 * records every accepted signature in PostgreSQL (an order's with its journal entry), so the replay is refused
 * and exactly one order exists.
 */
class SecurityReplayIT {

    private static final String ORDER =
            "{\"market\":\"SKY-BTC\",\"side\":\"buy\",\"type\":\"limit\",\"price\":\"0.00000050\",\"amount\":\"10\"}";

    private static final String WIDE_WINDOW = "skyx.security.signature-window=60s";

    /**
     * The order endpoints' signatures are recorded by the journal with their commands; one whose request took no
     * effect (refused before the sequencer, here for a malformed amount) by the guard once done. Both kinds, and a
     * cancel, are refused when replayed, before and after a restart.
     */
    @Test
    void aSignedOrderReplayedAfterARestartIsRefused() throws Exception {
        TestDatabase.Conn db = TestDatabase.freshDatabase();
        SignedClient.Signed captured;
        SignedClient.Signed malformed;
        SignedClient.Signed cancel;
        String key;
        String secret;
        try (AppInstance first = AppInstance.start(db, WIDE_WINDOW)) {
            BrowserClient alice = Attacker.signedUp(first.url(""));
            Attacker.fund(alice);
            SignedClient bot = Attacker.apiKey(alice, first.url(""));
            key = bot.key();
            secret = bot.secret();
            long ahead = System.currentTimeMillis() + 2_000;
            captured = bot.sign("POST", "/api/v1/orders", ORDER, ahead);
            HttpResponse<String> placed = bot.send(captured);
            assertThat(placed.statusCode()).as(placed.body()).isEqualTo(201);
            assertError(bot.send(captured), 401, "REPLAYED_REQUEST");
            malformed = bot.sign("POST", "/api/v1/orders", ORDER.replace("\"10\"", "\"ten\""), ahead);
            assertError(bot.send(malformed), 400, "INVALID_AMOUNT");
            assertError(bot.send(malformed), 401, "REPLAYED_REQUEST");
            Matcher id = Pattern.compile("\"id\":\"?([0-9]+)").matcher(placed.body());
            assertThat(id.find()).as(placed.body()).isTrue();
            cancel = bot.sign("DELETE", "/api/v1/orders/" + id.group(1), null, ahead);
            HttpResponse<String> cancelled = bot.send(cancel);
            assertThat(cancelled.statusCode()).as(cancelled.body()).isEqualTo(200);
            assertError(bot.send(cancel), 401, "REPLAYED_REQUEST");
        }
        try (AppInstance restarted = AppInstance.start(db, WIDE_WINDOW)) {
            Attacker.State before = Attacker.state(restarted.jdbc());
            SignedClient bot = new SignedClient(restarted.url(""), key, secret);
            for (SignedClient.Signed replay : List.of(captured, malformed, cancel)) {
                assertError(bot.send(replay), 401, "REPLAYED_REQUEST");
                assertThat(restarted.jdbc().queryForObject("select count(*) from seen_signatures where signature = ?",
                        Long.class, replay.signature())).as(replay.method() + " " + replay.body()).isEqualTo(1);
            }
            assertThat(Attacker.state(restarted.jdbc())).isEqualTo(before);
            assertThat(before.orders()).as("one order only").isEqualTo(1);
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
