package io.skyx.api.security;

import static io.skyx.api.security.Attacker.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import io.skyx.api.testing.IntegrationTestBase;
import java.net.InetAddress;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Attacks on sessions: locking someone else's account with wrong passwords, and a planted CSRF cookie. Login
 * failures are throttled per pair of account and source, so the owner from another address still signs in; CSRF
 * tokens are bound to the session, so a cookie value the attacker chose (sent back in the header) is refused.
 */
class SecuritySessionIT extends IntegrationTestBase {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void fiveWrongLoginsFromOneSourceDoNotLockTheOwnerOut() throws Exception {
        String email = Attacker.email();
        assertThat(new BrowserClient(url("")).signup(email, Attacker.PASSWORD).statusCode()).isEqualTo(201);
        BrowserClient outsider = new BrowserClient(url(""), InetAddress.getByName("127.0.0.1"));
        for (int i = 0; i < 5; i++) {
            assertThat(outsider.login(email, "wrong password " + i).statusCode()).isEqualTo(401);
        }
        HttpResponse<String> held = outsider.login(email, Attacker.PASSWORD);
        assertError(held, 429, "TOO_MANY_ATTEMPTS");
        assertThat(held.headers().firstValue("Retry-After")).isPresent();

        BrowserClient owner = new BrowserClient(url(""), InetAddress.getByName("127.0.0.2"));
        HttpResponse<String> in = owner.login(email, Attacker.PASSWORD);
        assertThat(in.statusCode()).as("the owner from another source: " + in.body()).isEqualTo(200);
        assertThat(owner.get("/api/v1/auth/me").statusCode()).isEqualTo(200);
    }

    @Test
    void aPlantedCsrfCookieEchoedInTheHeaderIsRefused() throws Exception {
        BrowserClient victim = Attacker.signedUp(url(""));
        Attacker.State before = Attacker.state(jdbc);
        victim.plantCookie("XSRF-TOKEN", "attacker-chosen-value");
        HttpResponse<String> forged = victim.sendWithCsrfToken("POST", "/api/v1/test-funds", null, "attacker-chosen-value");
        assertError(forged, 403, "CSRF");
        assertThat(Attacker.state(jdbc)).as("nothing credited").isEqualTo(before);

        HttpResponse<String> csrf = victim.get("/api/v1/auth/csrf");
        String token = Json.parse(csrf.body()).path("token").asString();
        HttpResponse<String> real = victim.sendWithCsrfToken("POST", "/api/v1/test-funds", null, token);
        assertThat(real.statusCode()).as("the session's own token works: " + real.body()).isEqualTo(200);
    }

    @Test
    void operatorEndpointsNeedTheOperatorRoleForTheAuditView() throws Exception {
        BrowserClient user = Attacker.signedUp(url(""));
        assertError(user.get("/api/v1/admin/audit"), 403, "FORBIDDEN");
        HttpResponse<String> operatorKey = user.send("POST", "/api/v1/api-keys", "{\"operator\":true}");
        assertError(operatorKey, 403, "FORBIDDEN");
        assertThat(Json.parse(user.get("/api/v1/api-keys").body()).size()).as("no key created").isZero();
    }
}
