package io.skyx.api.security;

import static io.skyx.api.security.Attacker.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import io.skyx.api.testing.IntegrationTestBase;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Attack: lenient JSON. Unknown or misspelt fields, duplicate keys, numbers where the API takes decimal strings
 * and trailing content are refused with 400 MALFORMED_JSON (naming the field where there is one); an order
 * refused for its input (a huge amount) is refused with 400 before the sequencer and never journaled.
 */
class SecurityStrictJsonIT extends IntegrationTestBase {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void lenientOrderBodiesAreRefusedAndChangeNothing() throws Exception {
        BrowserClient alice = Attacker.signedUp(url(""));
        Attacker.fund(alice);
        SignedClient bot = Attacker.apiKey(alice, url(""));
        Attacker.State before = Attacker.state(jdbc);

        String misspelt = "{\"market\":\"SKY-BTC\",\"side\":\"buy\",\"type\":\"limit\",\"price\":\"0.00000050\","
                + "\"amount\":\"10\",\"timeinforce\":\"IOC\"}";
        HttpResponse<String> r = bot.send("POST", "/api/v1/orders", misspelt);
        assertError(r, 400, "MALFORMED_JSON");
        assertThat(Json.parse(r.body()).path("error").path("field").asString()).isEqualTo("timeinforce");

        String duplicate = "{\"market\":\"SKY-BTC\",\"side\":\"sell\",\"side\":\"buy\",\"type\":\"limit\","
                + "\"price\":\"0.00000050\",\"amount\":\"10\"}";
        assertError(bot.send("POST", "/api/v1/orders", duplicate), 400, "MALFORMED_JSON");

        String numberAmount = "{\"market\":\"SKY-BTC\",\"side\":\"buy\",\"type\":\"limit\",\"price\":\"0.00000050\","
                + "\"amount\":10}";
        r = bot.send("POST", "/api/v1/orders", numberAmount);
        assertError(r, 400, "MALFORMED_JSON");
        assertThat(Json.parse(r.body()).path("error").path("field").asString()).isEqualTo("amount");

        String numberPrice = "{\"market\":\"SKY-BTC\",\"side\":\"buy\",\"type\":\"limit\",\"price\":5.0E-7,"
                + "\"amount\":\"10\"}";
        r = bot.send("POST", "/api/v1/orders", numberPrice);
        assertError(r, 400, "MALFORMED_JSON");
        assertThat(Json.parse(r.body()).path("error").path("field").asString()).isEqualTo("price");

        String booleanSide = "{\"market\":\"SKY-BTC\",\"side\":true,\"type\":\"limit\",\"price\":\"0.00000050\","
                + "\"amount\":\"10\"}";
        assertError(bot.send("POST", "/api/v1/orders", booleanSide), 400, "MALFORMED_JSON");

        String trailing = "{\"market\":\"SKY-BTC\",\"side\":\"buy\",\"type\":\"limit\",\"price\":\"0.00000050\","
                + "\"amount\":\"10\"} {\"amount\":\"99\"}";
        assertError(bot.send("POST", "/api/v1/orders", trailing), 400, "MALFORMED_JSON");

        assertThat(Attacker.state(jdbc)).as("nothing journaled, placed or moved").isEqualTo(before);
    }

    @Test
    void aHugeAmountIsRefusedBeforeTheJournal() throws Exception {
        BrowserClient alice = Attacker.signedUp(url(""));
        Attacker.fund(alice);
        SignedClient bot = Attacker.apiKey(alice, url(""));
        Attacker.State before = Attacker.state(jdbc);
        String huge = "{\"market\":\"SKY-BTC\",\"side\":\"buy\",\"type\":\"limit\",\"price\":\"1\","
                + "\"amount\":\"1000000000000\"}";
        HttpResponse<String> r = bot.send("POST", "/api/v1/orders", huge);
        assertError(r, 400, "INVALID_AMOUNT");
        assertThat(Json.parse(r.body()).path("error").path("field").asString()).isEqualTo("amount");
        assertThat(Attacker.state(jdbc)).as("not journaled").isEqualTo(before);
    }

    @Test
    void signUpWithAnUnknownFieldCreatesNoAccount() throws Exception {
        long users = jdbc.queryForObject("select count(*) from users", Long.class);
        BrowserClient b = new BrowserClient(url(""));
        String body = "{\"email\":\"" + Attacker.email() + "\",\"password\":\"" + Attacker.PASSWORD
                + "\",\"admin\":true}";
        HttpResponse<String> r = b.send("POST", "/api/v1/auth/signup", body);
        assertError(r, 400, "MALFORMED_JSON");
        assertThat(Json.parse(r.body()).path("error").path("field").asString()).isEqualTo("admin");
        assertThat(jdbc.queryForObject("select count(*) from users", Long.class)).isEqualTo(users);
    }
}
