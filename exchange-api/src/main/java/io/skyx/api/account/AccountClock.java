package io.skyx.api.account;

import java.time.Instant;
import java.time.InstantSource;
import java.util.Objects;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/** The time of the account package (TOTP steps, blocks, cool-offs): the system clock, replaceable in tests. */
@Component
class AccountClock {

    private final InstantSource source;

    @Autowired
    AccountClock() {
        this(InstantSource.system());
    }

    AccountClock(InstantSource source) {
        this.source = Objects.requireNonNull(source, "source");
    }

    Instant now() {
        return source.instant();
    }
}
