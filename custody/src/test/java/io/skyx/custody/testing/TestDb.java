package io.skyx.custody.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A real PostgreSQL for custody tests: {@code TEST_PG_URL} (+ _USER, _PASSWORD) if set, else one embedded server per
 * JVM. Each {@link #fresh()} database gets custody's own migrations (V1_5_*, V1_14_0) from db/src/main/resources.
 */
public final class TestDb {

    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static volatile PGSimpleDataSource server;

    private TestDb() {
    }

    /** A new database with the custody tables. */
    public static DataSource fresh() {
        PGSimpleDataSource s = server();
        String name = "custody_t" + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet();
        try (Connection c = s.getConnection(); Statement st = c.createStatement()) {
            st.execute("create database " + name);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        PGSimpleDataSource d = new PGSimpleDataSource();
        d.setURL(s.getURL().replaceFirst("/[^/?]*(\\?|$)", "/" + name + "$1"));
        d.setUser(s.getUser());
        d.setPassword(s.getPassword());
        migrate(d);
        return d;
    }

    private static void migrate(DataSource d) {
        Path dir = Path.of(System.getProperty("skyx.migrations.dir", "../db/src/main/resources/db/migration"));
        try (Stream<Path> files = Files.list(dir); Connection c = d.getConnection(); Statement st = c.createStatement()) {
            List<Path> mine = files.filter(p -> p.getFileName().toString().startsWith("V1_5_")
                    || p.getFileName().toString().startsWith("V1_14_0_")).sorted().toList();
            if (mine.isEmpty()) {
                throw new IllegalStateException("no V1_5_ migrations in " + dir.toAbsolutePath());
            }
            for (Path p : mine) {
                st.execute(Files.readString(p));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SQLException e) {
            throw new IllegalStateException("migrating: " + e.getMessage(), e);
        }
    }

    private static PGSimpleDataSource server() {
        PGSimpleDataSource s = server;
        if (s == null) {
            synchronized (TestDb.class) {
                s = server;
                if (s == null) {
                    s = start();
                    server = s;
                }
            }
        }
        return s;
    }

    private static PGSimpleDataSource start() {
        PGSimpleDataSource d = new PGSimpleDataSource();
        String url = System.getenv("TEST_PG_URL");
        if (url != null && !url.isBlank()) {
            d.setURL(url);
            d.setUser(env("TEST_PG_USER", "postgres"));
            d.setPassword(env("TEST_PG_PASSWORD", ""));
            return d;
        }
        try {
            EmbeddedPostgres pg = EmbeddedPostgres.builder().start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    pg.close();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }, "custody-test-pg-stop"));
            d.setURL(pg.getJdbcUrl("postgres", "postgres"));
            d.setUser("postgres");
            d.setPassword("postgres");
            return d;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start embedded PostgreSQL", e);
        }
    }

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null ? fallback : v;
    }
}
