package io.skyx.api.security;

import static io.skyx.api.security.Attacker.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import io.skyx.api.testing.TestDatabase;
import java.net.InetAddress;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Attack: flood sign-up (each costs an Argon2 hash), order placement and API-key creation. Past the limit the
 * request is refused with 429 TOO_MANY_REQUESTS and {@code Retry-After}, in the error shape, and does nothing
 * (no account, no journal entry, no key). Small limits are configured here; production defaults are in
 * {@code RateLimitProperties}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SecurityRateLimitIT {

    private static final String ORDER =
            "{\"market\":\"SKY-BTC\",\"side\":\"buy\",\"type\":\"limit\",\"price\":\"0.00000050\",\"amount\":\"10\"}";

    /** Sign-ups from all addresses together before the global limit (the first test makes 3 of them). */
    private static final int SIGNUPS_IN_ALL = 6;

    private static AppInstance app;

    @BeforeAll
    static void start() {
        app = AppInstance.start(TestDatabase.freshDatabase(),
                "skyx.rate-limit.signup-per-ip.capacity=3", "skyx.rate-limit.signup-per-ip.period=1h",
                "skyx.rate-limit.signup-global.capacity=" + SIGNUPS_IN_ALL, "skyx.rate-limit.signup-global.period=1h",
                "skyx.rate-limit.order-per-account.capacity=2", "skyx.rate-limit.order-per-account.period=1h",
                "skyx.rate-limit.api-key-per-account.capacity=1", "skyx.rate-limit.api-key-per-account.period=1h");
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    @Order(1)
    void floodsAreCutOffWith429AndChangeNothing() throws Exception {
        BrowserClient alice = Attacker.signedUp(app.url(""));
        Attacker.signedUp(app.url(""));
        Attacker.signedUp(app.url(""));
        long users = app.jdbc().queryForObject("select count(*) from users", Long.class);
        HttpResponse<String> fourth = new BrowserClient(app.url("")).signup(Attacker.email(), Attacker.PASSWORD);
        assertError(fourth, 429, "TOO_MANY_REQUESTS");
        long retryAfter = Long.parseLong(fourth.headers().firstValue("Retry-After").orElseThrow());
        assertThat(retryAfter).isBetween(1L, 3600L);
        assertThat(app.jdbc().queryForObject("select count(*) from users", Long.class)).as("no account").isEqualTo(users);

        Attacker.fund(alice);
        SignedClient bot = Attacker.apiKey(alice, app.url(""));
        HttpResponse<String> secondKey = alice.send("POST", "/api/v1/api-keys", "{\"label\":\"two\"}");
        assertError(secondKey, 429, "TOO_MANY_REQUESTS");
        assertThat(Json.parse(alice.get("/api/v1/api-keys").body()).size()).as("one key only").isEqualTo(1);

        assertThat(bot.send("POST", "/api/v1/orders", ORDER).statusCode()).isEqualTo(201);
        assertThat(bot.send("POST", "/api/v1/orders", ORDER).statusCode()).isEqualTo(201);
        Attacker.State before = Attacker.state(app.jdbc());
        HttpResponse<String> third = bot.send("POST", "/api/v1/orders", ORDER);
        assertError(third, 429, "TOO_MANY_REQUESTS");
        assertThat(third.headers().firstValue("Retry-After")).isPresent();
        assertThat(Attacker.state(app.jdbc())).as("not journaled").isEqualTo(before);
        assertThat(bot.send("GET", "/api/v1/orders", null).statusCode()).as("reads are not limited").isEqualTo(200);
    }

    /**
     * Sign-ups spread over many addresses, each under its own limit, stop at the global one (the first test made 3
     * of them); the refused one creates no account.
     */
    @Test
    @Order(2)
    void signUpsFromManyAddressesStopAtTheGlobalLimit() throws Exception {
        HttpResponse<String> refused = null;
        int accepted = 0;
        long users = 0;
        for (int address = 10; address < 10 + SIGNUPS_IN_ALL + 1 && refused == null; address++) {
            users = app.jdbc().queryForObject("select count(*) from users", Long.class);
            HttpResponse<String> r = new BrowserClient(app.url(""), InetAddress.getByName("127.0.0." + address))
                    .signup(Attacker.email(), Attacker.PASSWORD);
            if (r.statusCode() == 201) {
                accepted++;
            } else {
                refused = r;
            }
        }
        assertThat(refused).as("a sign-up past the global limit is refused").isNotNull();
        assertError(refused, 429, "TOO_MANY_REQUESTS");
        assertThat(refused.headers().firstValue("Retry-After")).isPresent();
        assertThat(accepted).as("one sign-up per address, up to the global limit").isEqualTo(SIGNUPS_IN_ALL - 3);
        assertThat(app.jdbc().queryForObject("select count(*) from users", Long.class)).as("no account")
                .isEqualTo(users);
    }
}
