package io.skyx.api.security;

import static io.skyx.api.security.Attacker.assertError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.skyx.api.testing.TestDatabase;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Production defaults, against the app in the {@code prod} profile: metrics and API docs only for operators,
 * session and CSRF cookies Secure + HttpOnly (session) + SameSite; and in the {@code local} profile the app
 * listens on loopback only.
 */
class SecurityProdDefaultsIT {

    private static final String KEY = "skyx.security.api-key-encryption-key="
            + Base64.getEncoder().encodeToString(new byte[32]);

    @Test
    void prodHidesMetricsAndDocsAndSetsSecureCookies() throws Exception {
        TestDatabase.Conn db = TestDatabase.freshDatabase();
        try (AppInstance prod = AppInstance.start("prod", db, KEY)) {
            BrowserClient anonymous = new BrowserClient(prod.url(""));
            for (String path : List.of("/actuator/prometheus", "/v3/api-docs", "/swagger-ui/index.html",
                    "/api/v1/admin/audit", "/api/v1/admin/state")) {
                assertError(anonymous.get(path), 401, "UNAUTHENTICATED");
            }
            // the CSRF token lives in the session: fetching it opens one and sets both cookies
            HttpResponse<String> csrf = new BrowserClient(prod.url("")).get("/api/v1/auth/csrf");
            assertThat(csrf.statusCode()).as(csrf.body()).isEqualTo(200);
            List<String> cookies = csrf.headers().allValues("Set-Cookie");
            assertThat(cookies).anySatisfy(c -> assertThat(c).startsWith("JSESSIONID=").contains("Secure")
                    .contains("HttpOnly").contains("SameSite=Lax"));
            assertThat(cookies).anySatisfy(c -> assertThat(c).startsWith("XSRF-TOKEN=").contains("Secure")
                    .contains("SameSite=Lax"));
        }
        // the same rules with cookies a plain-http test client sends back: users are refused, operators see them
        String email = Attacker.email();
        try (AppInstance first = AppInstance.start("prod", db, KEY, "server.servlet.session.cookie.secure=false")) {
            assertThat(new BrowserClient(first.url("")).signup(email, Attacker.PASSWORD).statusCode()).isEqualTo(201);
        }
        try (AppInstance prod = AppInstance.start("prod", db, KEY, "server.servlet.session.cookie.secure=false",
                "skyx.operators=" + email)) {
            BrowserClient user = Attacker.signedUp(prod.url(""));
            assertError(user.get("/actuator/prometheus"), 403, "FORBIDDEN");
            assertError(user.get("/v3/api-docs"), 403, "FORBIDDEN");
            BrowserClient operator = new BrowserClient(prod.url(""));
            assertThat(operator.login(email, Attacker.PASSWORD).statusCode()).isEqualTo(200);
            assertThat(operator.get("/actuator/prometheus").statusCode()).isEqualTo(200);
            assertThat(operator.get("/v3/api-docs").statusCode()).isEqualTo(200);
            assertThat(operator.get("/api/v1/admin/state").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void localListensOnLoopbackOnly() throws Exception {
        try (AppInstance local = AppInstance.start(TestDatabase.freshDatabase())) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), local.port()), 5_000);
            }
            Optional<InetAddress> external = NetworkInterface.networkInterfaces()
                    .flatMap(NetworkInterface::inetAddresses)
                    .filter(a -> a instanceof Inet4Address && !a.isLoopbackAddress())
                    .findFirst();
            if (external.isPresent()) {
                assertThatThrownBy(() -> {
                    try (Socket s = new Socket()) {
                        s.connect(new InetSocketAddress(external.get(), local.port()), 5_000);
                    }
                }).as("not reachable on " + external.get()).isInstanceOf(java.io.IOException.class);
            } else {
                System.out.println("SecurityProdDefaultsIT: no non-loopback IPv4 address here; checked the setting");
            }
            assertThat(local.bean(org.springframework.core.env.Environment.class).getProperty("server.address"))
                    .isEqualTo("127.0.0.1");
        }
    }
}
