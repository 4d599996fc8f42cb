package io.skyx.api.security;

import io.skyx.api.SkyxApplication;
import io.skyx.api.testing.TestDatabase;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * One running app (profile {@code local}, random port, no Kafka broker, no Skycoin node, unless a property given says otherwise) on a given database,
 * (given as command-line arguments, so they win over application.yml) started and closed by the test itself: for attacks that need a restart or a second instance on the same data.
 */
final class AppInstance implements AutoCloseable {

    private final ConfigurableApplicationContext context;

    private AppInstance(ConfigurableApplicationContext context) {
        this.context = context;
    }

    /** Starts the app on {@code db} (null: the app's own embedded PostgreSQL) with extra {@code key=value}s. */
    static AppInstance start(TestDatabase.Conn db, String... properties) {
        return start("local", db, properties);
    }

    /** As {@link #start(TestDatabase.Conn, String...)} with another profile (e.g. {@code prod}). */
    static AppInstance start(String profile, TestDatabase.Conn db, String... properties) {
        List<String> props = new ArrayList<>(List.of(
                "--server.port=0",
                "--skyx.kafka.embedded.enabled=false",
                "--skyx.node.enabled=false",
                "--spring.jmx.enabled=false"));
        if (db != null) {
            props.add("--skyx.embedded-postgres.enabled=false");
            props.add("--spring.datasource.url=" + db.url());
            props.add("--spring.datasource.username=" + db.user());
            props.add("--spring.datasource.password=" + db.password());
        }
        for (String p : properties) {
            // a given key replaces the default (a repeated command-line option would join both values)
            String key = "--" + p.substring(0, p.indexOf('=') + 1);
            props.removeIf(d -> d.startsWith(key));
            props.add("--" + p);
        }
        ConfigurableApplicationContext ctx = new SpringApplicationBuilder(SkyxApplication.class)
                .profiles(profile)
                .run(props.toArray(String[]::new));
        return new AppInstance(ctx);
    }

    int port() {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    String url(String path) {
        return "http://localhost:" + port() + path;
    }

    JdbcTemplate jdbc() {
        return context.getBean(JdbcTemplate.class);
    }

    <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    @Override
    public void close() {
        context.close();
    }
}
