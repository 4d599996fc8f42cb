package io.skyx.api.security;

import static io.skyx.api.security.Attacker.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import io.skyx.api.testing.IntegrationTestBase;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Attack: a command sent with an {@code Accept} the API cannot answer. Content negotiation is decided before the
 * command runs: 406 NOT_ACCEPTABLE in the error shape, and nothing placed, cancelled or credited (journal
 * sequence, balances and orders unchanged), so a client that retries on 4xx cannot double anything.
 */
class SecurityNegotiationIT extends IntegrationTestBase {

    private static final String ORDER =
            "{\"market\":\"SKY-BTC\",\"side\":\"buy\",\"type\":\"limit\",\"price\":\"0.00000050\",\"amount\":\"10\"}";

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void anUnacceptableAcceptIsRefusedBeforeAnyCommand() throws Exception {
        BrowserClient alice = Attacker.signedUp(url(""));
        Attacker.fund(alice);
        SignedClient bot = Attacker.apiKey(alice, url(""));
        HttpResponse<String> resting = bot.send("POST", "/api/v1/orders", ORDER);
        assertThat(resting.statusCode()).as(resting.body()).isEqualTo(201);

        Attacker.State before = Attacker.state(jdbc);
        assertError(send(bot, "POST", "/api/v1/orders", ORDER, "application/xml"), 406, "NOT_ACCEPTABLE");
        assertError(send(bot, "DELETE", "/api/v1/orders?market=SKY-BTC", null, "image/png"), 406, "NOT_ACCEPTABLE");
        assertError(send(bot, "POST", "/api/v1/faucet", null, "text/html"), 406, "NOT_ACCEPTABLE");
        assertError(send(bot, "POST", "/api/v1/orders", ORDER, "application/json;q=0, text/plain"), 406,
                "NOT_ACCEPTABLE");
        assertError(send(bot, "POST", "/api/v1/orders", ORDER, "not a media type"), 406, "NOT_ACCEPTABLE");
        assertThat(Attacker.state(jdbc)).as("nothing placed, cancelled or credited").isEqualTo(before);

        HttpResponse<String> json = send(bot, "GET", "/api/v1/balances", null, "text/html, application/json;q=0.5");
        assertThat(json.statusCode()).as(json.body()).isEqualTo(200);
        HttpResponse<String> any = send(bot, "GET", "/api/v1/balances", null, "*/*");
        assertThat(any.statusCode()).as(any.body()).isEqualTo(200);
    }

    private static HttpResponse<String> send(SignedClient bot, String method, String path, String body, String accept)
            throws Exception {
        return bot.send(bot.sign(method, path, body, System.currentTimeMillis()), body, "Accept", accept);
    }
}
