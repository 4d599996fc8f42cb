package io.skyx.api.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Attack (or accident): a second app started on the data directory of a running one. It must refuse to start
 * with a clear message and leave the running app's PostgreSQL alone (before, it stopped it as a "leftover").
 */
class SecurityEmbeddedPostgresIT {

    @Test
    void aSecondInstanceOnTheSameDataDirRefusesAndTheFirstKeepsRunning() throws Exception {
        Path dataDir = Files.createTempDirectory("skyx-pg-lock");
        String dir = "skyx.embedded-postgres.data-dir=" + dataDir.resolve("pg");
        try (AppInstance first = AppInstance.start(null, "skyx.embedded-postgres.enabled=true", dir)) {
            long seq = first.jdbc().queryForObject("select coalesce(max(seq), 0) from journal", Long.class);
            assertThatThrownBy(() -> AppInstance.start(null, "skyx.embedded-postgres.enabled=true", dir).close())
                    .hasStackTraceContaining("is in use by another running SkyX")
                    .hasStackTraceContaining(dataDir.resolve("pg").toString());
            assertThat(first.jdbc().queryForObject("select coalesce(max(seq), 0) from journal", Long.class))
                    .as("the first instance's database still answers").isEqualTo(seq);
            BrowserClient b = Attacker.signedUp(first.url(""));
            assertThat(b.get("/api/v1/auth/me").statusCode()).isEqualTo(200);
        }
    }
}
