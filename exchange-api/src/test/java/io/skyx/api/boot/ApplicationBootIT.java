package io.skyx.api.boot;

import static org.assertj.core.api.Assertions.assertThat;

import io.skyx.api.testing.IntegrationTestBase;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

class ApplicationBootIT extends IntegrationTestBase {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void runsOnItsOwnFreshTestDatabase() {
        String db = jdbc.queryForObject("select current_database()", String.class);
        assertThat(db).startsWith("skyx_t");
    }

    @Test
    void answersHttpOnItsPort() throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(url("/actuator/health"))).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isBetween(200, 499);
    }
}
