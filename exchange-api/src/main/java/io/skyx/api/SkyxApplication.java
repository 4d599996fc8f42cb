package io.skyx.api;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The SkyX exchange application: REST + WebSocket API, sequencer, journal, ledger and projections. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class SkyxApplication {

    /** Starts the application; the {@code local} profile (embedded PostgreSQL, faucet) is the default. */
    public static void main(String[] args) {
        SpringApplication.run(SkyxApplication.class, args);
    }
}
