package io.skyx.api;

import io.skyx.api.settlement.SettleCommand;
import java.util.Arrays;
import java.util.List;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.ConfigurableEnvironment;

/** The SkyX exchange application: REST + WebSocket API, sequencer, journal, ledger and projections. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class SkyxApplication {

    /** The profiles one of which must be selected. */
    static final List<String> PROFILES = List.of("local", "prod");

    /**
     * Starts the application. Safe by default: without exactly one of the profiles {@code local} (embedded
     * PostgreSQL, faucet) or {@code prod} it refuses to start. {@code settle …} is the settlement job's operator
     * command ({@link SettleCommand}), which asks a running app and exits.
     */
    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("settle")) {
            System.exit(SettleCommand.run(Arrays.copyOfRange(args, 1, args.length), System.getenv(), System.out,
                    System.err));
        }
        SpringApplication app = new SpringApplication(SkyxApplication.class);
        app.addListeners(new ProfileCheck());
        app.run(args);
    }

    /**
     * A listener class, not a lambda: Spring can then read its event type and never calls it with other events
     * (a lambda is called with every event, e.g. one per HTTP request, and fails each call with a
     * ClassCastException that Spring catches).
     */
    private static final class ProfileCheck implements ApplicationListener<ApplicationEnvironmentPreparedEvent> {
        @Override
        public void onApplicationEvent(ApplicationEnvironmentPreparedEvent e) {
            checkProfile(e.getEnvironment());
        }
    }

    /** Throws IllegalStateException naming the two profiles unless exactly one of them is active. */
    static void checkProfile(ConfigurableEnvironment env) {
        long chosen = Arrays.stream(env.getActiveProfiles()).filter(PROFILES::contains).count();
        if (chosen != 1) {
            throw new IllegalStateException("SkyX needs exactly one of the profiles 'local' (development: embedded "
                    + "PostgreSQL, faucet that mints test funds) or 'prod' (external PostgreSQL, no faucet); "
                    + "active: " + Arrays.toString(env.getActiveProfiles())
                    + ". Start with --spring.profiles.active=local or --spring.profiles.active=prod "
                    + "(./ops/run-local.sh selects local).");
        }
    }
}
