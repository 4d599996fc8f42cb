package io.skyx.api.custody;

import io.skyx.api.testing.TestDatabase;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The app in a child JVM (local profile, this JVM's classpath, a database of this JVM's PostgreSQL), for the custody
 * crash tests; {@code haltAfter} sets the custody test hook {@code skyx.custody.test.halt-after}.
 */
record CrashApp(Process process, int port) {

    static CrashApp start(TestDatabase.Conn db, List<String> args, String haltAfter, Path log) throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-XX:TieredStopAtLevel=1"));
        if (haltAfter != null) {
            cmd.add("-Dskyx.custody.test.halt-after=" + haltAfter);
        }
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), "io.skyx.api.SkyxApplication",
                "--server.port=" + port, "--spring.profiles.active=local",
                "--skyx.embedded-postgres.enabled=false", "--skyx.kafka.embedded.enabled=false",
                "--spring.datasource.url=" + db.url(), "--spring.datasource.username=" + db.user(),
                "--spring.datasource.password=" + db.password()));
        cmd.addAll(args);
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        return new CrashApp(p, port);
    }

    String base() {
        return "http://localhost:" + port;
    }

    void awaitHealthy() throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(240);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError("the app exited with " + process.exitValue() + " (see target/custody-crash-it)");
            }
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base() + "/actuator/health"))
                        .build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new AssertionError("the app did not become healthy within 240 s");
    }
}
