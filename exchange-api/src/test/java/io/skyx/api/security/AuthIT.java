package io.skyx.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.skyx.api.testing.IntegrationTestBase;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/** Browser authentication against the running app and a real PostgreSQL: sign-up, login, CSRF, throttling. */
class AuthIT extends IntegrationTestBase {

    private static final String PASSWORD = "correct horse battery";

    @Autowired
    JdbcTemplate jdbc;

    private static String newEmail() {
        return "u" + UUID.randomUUID().toString().replace("-", "").substring(0, 12) + "@example.com";
    }

    private long userCount() {
        Long n = jdbc.queryForObject("select count(*) from users", Long.class);
        return n == null ? 0 : n;
    }

    @Test
    void signupSignsInAndMeAnswers() throws Exception {
        BrowserClient b = new BrowserClient(url(""));
        String email = newEmail();
        HttpResponse<String> r = b.signup(email.toUpperCase(), PASSWORD);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        JsonNode me = Json.parse(r.body());
        assertThat(me.path("email").asString()).isEqualTo(email);
        assertThat(me.path("userId").asString()).as("opaque, not sequential").matches("[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}");

        HttpResponse<String> meResponse = b.get("/api/v1/auth/me");
        assertThat(meResponse.statusCode()).isEqualTo(200);
        assertThat(Json.parse(meResponse.body()).path("userId").asString()).isEqualTo(me.path("userId").asString());

        String hash = jdbc.queryForObject(
                "select c.password_hash from credentials c join users u on u.id = c.user_id where u.email = ?",
                String.class, email);
        assertThat(hash).startsWith("$argon2id$").doesNotContain(PASSWORD);
    }

    @Test
    void sessionAndCsrfCookiesHaveTheRightAttributes() throws Exception {
        BrowserClient b = new BrowserClient(url(""));
        HttpResponse<String> csrf = b.get("/api/v1/auth/csrf");
        assertThat(csrf.statusCode()).isEqualTo(200);
        JsonNode token = Json.parse(csrf.body());
        assertThat(token.path("headerName").asString()).isEqualTo("X-XSRF-TOKEN");
        assertThat(token.path("token").asString()).isEqualTo(b.cookie("XSRF-TOKEN").orElseThrow());
        List<String> csrfCookies = csrf.headers().allValues("Set-Cookie");
        assertThat(csrfCookies).anySatisfy(c -> assertThat(c).startsWith("XSRF-TOKEN=").contains("SameSite=Lax")
                .doesNotContainIgnoringCase("HttpOnly"));

        HttpResponse<String> r = b.signup(newEmail(), PASSWORD);
        List<String> set = r.headers().allValues("Set-Cookie");
        assertThat(set).anySatisfy(c -> assertThat(c).startsWith("JSESSIONID=").contains("HttpOnly")
                .contains("SameSite=Lax"));
        assertThat(set).as("a new CSRF token after sign-in").anySatisfy(c -> assertThat(c).startsWith("XSRF-TOKEN="));
        assertThat(b.cookie("XSRF-TOKEN").orElseThrow()).isNotEqualTo(token.path("token").asString());
    }

    @Test
    void unauthenticatedApiCallsGet401Json() throws Exception {
        BrowserClient b = new BrowserClient(url(""));
        for (String path : List.of("/api/v1/auth/me", "/api/v1/balances", "/api/v1/orders", "/api/v1/noop",
                "/api/v1/api-keys")) {
            HttpResponse<String> r = b.get(path);
            assertThat(r.statusCode()).as(path).isEqualTo(401);
            assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
            assertThat(Json.errorCode(r.body())).isEqualTo("UNAUTHENTICATED");
        }
    }

    @Test
    void signupValidationRefusesAndChangesNothing() throws Exception {
        BrowserClient b = new BrowserClient(url(""));
        String taken = newEmail();
        assertThat(b.signup(taken, PASSWORD).statusCode()).isEqualTo(201);
        long before = userCount();
        BrowserClient other = new BrowserClient(url(""));
        record Case(String body, int status, String code, String field) { }
        for (Case c : List.of(
                new Case("{\"password\":\"" + PASSWORD + "\"}", 400, "MISSING_FIELD", "email"),
                new Case("{\"email\":\"" + newEmail() + "\"}", 400, "MISSING_FIELD", "password"),
                new Case(BrowserClient.json("not-an-email", PASSWORD), 400, "BAD_REQUEST", "email"),
                new Case(BrowserClient.json(newEmail(), "short"), 400, "WEAK_PASSWORD", "password"),
                new Case(BrowserClient.json(newEmail(), "password123"), 400, "WEAK_PASSWORD", "password"),
                new Case(BrowserClient.json(taken, PASSWORD), 409, "EMAIL_TAKEN", "email"),
                new Case(BrowserClient.json(taken.toUpperCase(), PASSWORD), 409, "EMAIL_TAKEN", "email"))) {
            HttpResponse<String> r = other.send("POST", "/api/v1/auth/signup", c.body());
            assertThat(r.statusCode()).as(c.body()).isEqualTo(c.status());
            JsonNode error = Json.parse(r.body()).path("error");
            assertThat(error.path("code").asString()).as(c.body()).isEqualTo(c.code());
            assertThat(error.path("field").asString()).as(c.body()).isEqualTo(c.field());
            assertThat(error.path("message").asString()).isNotBlank();
        }
        HttpResponse<String> malformed = other.send("POST", "/api/v1/auth/signup", "{\"email\":");
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(userCount()).isEqualTo(before);
        assertThat(other.get("/api/v1/auth/me").statusCode()).as("no session from a refused sign-up").isEqualTo(401);
    }

    @Test
    void loginLogoutAndWrongPassword() throws Exception {
        String email = newEmail();
        assertThat(new BrowserClient(url("")).signup(email, PASSWORD).statusCode()).isEqualTo(201);

        BrowserClient b = new BrowserClient(url(""));
        HttpResponse<String> wrong = b.login(email, PASSWORD + "x");
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(Json.errorCode(wrong.body())).isEqualTo("UNAUTHENTICATED");
        HttpResponse<String> unknown = b.login(newEmail(), PASSWORD);
        assertThat(unknown.statusCode()).isEqualTo(401);
        assertThat(unknown.body()).isEqualTo(wrong.body());

        HttpResponse<String> ok = b.login(" " + email.toUpperCase() + " ", PASSWORD);
        assertThat(ok.statusCode()).as(ok.body()).isEqualTo(200);
        assertThat(Json.parse(ok.body()).path("email").asString()).isEqualTo(email);
        assertThat(b.get("/api/v1/auth/me").statusCode()).isEqualTo(200);

        HttpResponse<String> out = b.send("POST", "/api/v1/auth/logout", null);
        assertThat(out.statusCode()).isEqualTo(204);
        assertThat(b.get("/api/v1/auth/me").statusCode()).isEqualTo(401);
    }

    @Test
    void csrfIsEnforcedForTheBrowserSession() throws Exception {
        BrowserClient b = new BrowserClient(url(""));
        assertThat(b.signup(newEmail(), PASSWORD).statusCode()).isEqualTo(201);

        HttpResponse<String> forged = b.sendWithoutCsrf("POST", "/api/v1/api-keys", "{}");
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(Json.errorCode(forged.body())).isEqualTo("CSRF");
        HttpResponse<String> wrongToken = b.sendWithCsrfToken("POST", "/api/v1/api-keys", "{}", "not-the-token");
        assertThat(wrongToken.statusCode()).isEqualTo(403);
        assertThat(Json.errorCode(wrongToken.body())).isEqualTo("CSRF");
        HttpResponse<String> logoutForged = b.sendWithoutCsrf("POST", "/api/v1/auth/logout", null);
        assertThat(logoutForged.statusCode()).isEqualTo(403);
        assertThat(b.get("/api/v1/api-keys").body()).isEqualTo("[]");
        assertThat(b.get("/api/v1/auth/me").statusCode()).as("still signed in").isEqualTo(200);

        HttpResponse<String> withToken = b.send("POST", "/api/v1/api-keys", "{}");
        assertThat(withToken.statusCode()).as(withToken.body()).isEqualTo(201);

        BrowserClient stranger = new BrowserClient(url(""));
        HttpResponse<String> loginWithoutToken = stranger.sendWithoutCsrf("POST", "/api/v1/auth/login",
                BrowserClient.json(newEmail(), PASSWORD));
        assertThat(loginWithoutToken.statusCode()).isEqualTo(403);
    }

    @Test
    void loginIsThrottledPerAccountEvenWithTheRightPassword() throws Exception {
        String email = newEmail();
        assertThat(new BrowserClient(url("")).signup(email, PASSWORD).statusCode()).isEqualTo(201);
        BrowserClient b = new BrowserClient(url(""));
        for (int i = 0; i < 5; i++) {
            assertThat(b.login(email, "wrong password " + i).statusCode()).isEqualTo(401);
        }
        HttpResponse<String> blocked = b.login(email, PASSWORD);
        assertThat(blocked.statusCode()).isEqualTo(429);
        assertThat(Json.errorCode(blocked.body())).isEqualTo("TOO_MANY_ATTEMPTS");
        assertThat(Long.parseLong(blocked.headers().firstValue("Retry-After").orElseThrow())).isBetween(1L, 30L);
        assertThat(b.get("/api/v1/auth/me").statusCode()).isEqualTo(401);

        String other = newEmail();
        assertThat(new BrowserClient(url("")).signup(other, PASSWORD).statusCode()).isEqualTo(201);
        assertThat(new BrowserClient(url("")).login(other, PASSWORD).statusCode())
                .as("other accounts can still log in").isEqualTo(200);
    }

    @Test
    void operatorStateNeedsASignInInTheLocalProfile() throws Exception {
        BrowserClient anonymous = new BrowserClient(url(""));
        HttpResponse<String> refused = anonymous.get("/api/v1/admin/state");
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(Json.errorCode(refused.body())).isEqualTo("UNAUTHENTICATED");
        BrowserClient b = new BrowserClient(url(""));
        assertThat(b.signup(newEmail(), PASSWORD).statusCode()).isEqualTo(201);
        HttpResponse<String> state = b.get("/api/v1/admin/state");
        assertThat(state.statusCode()).as(state.body()).isEqualTo(200);
        assertThat(Json.parse(state.body()).path("stateHash").asString()).isNotBlank();
    }

    @Test
    void publicEndpointsNeedNoLogin() throws Exception {
        BrowserClient b = new BrowserClient(url(""));
        assertThat(b.get("/actuator/health").statusCode()).isIn(200, 503);
        assertThat(b.get("/v3/api-docs").statusCode()).isEqualTo(200);
        assertThat(b.get("/api/v1/markets").statusCode()).isNotIn(401, 403);
    }
}
