package io.skyx.api.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Request rate limits (prefix {@code skyx.rate-limit}): each a token bucket of {@code capacity} requests refilled
 * evenly over {@code period}. Defaults are production values; the {@code local} profile raises them
 * (application.yml) so that load tests and browsers on one machine are not held back.
 *
 * @param signupPerIp      sign-ups from one client address (each costs an Argon2 hash)
 * @param signupGlobal     sign-ups from all addresses together: a cap on mass sign-ups spread over many
 *                         addresses and on the Argon2 work they cost (a flood can then hold up others' sign-ups,
 *                         never logins or trading)
 * @param loginPerIp       login attempts from one client address (failures are also throttled per account
 *                         and address by {@link LoginThrottle})
 * @param orderPerAccount  order placements by one account
 * @param orderPerIp       order placements from one client address
 * @param apiKeyPerAccount API-key creations by one account
 * @param apiKeyPerIp      API-key creations from one client address
 */
@ConfigurationProperties(prefix = "skyx.rate-limit")
record RateLimitProperties(Limit signupPerIp, Limit signupGlobal, Limit loginPerIp, Limit orderPerAccount,
                           Limit orderPerIp, Limit apiKeyPerAccount, Limit apiKeyPerIp) {

    /** One bucket: {@code capacity} requests, refilled over {@code period}. */
    record Limit(Integer capacity, Duration period) {
        Limit {
            if (capacity != null && capacity <= 0) {
                throw new IllegalArgumentException("a rate limit's capacity must be positive: " + capacity);
            }
            if (period != null && (period.isNegative() || period.isZero())) {
                throw new IllegalArgumentException("a rate limit's period must be positive: " + period);
            }
        }

        Limit orDefault(int dfltCapacity, Duration dfltPeriod) {
            return new Limit(capacity == null ? dfltCapacity : capacity, period == null ? dfltPeriod : period);
        }
    }

    RateLimitProperties {
        signupPerIp = orDefault(signupPerIp, 5, Duration.ofMinutes(10));
        signupGlobal = orDefault(signupGlobal, 120, Duration.ofMinutes(1));
        loginPerIp = orDefault(loginPerIp, 30, Duration.ofMinutes(1));
        orderPerAccount = orDefault(orderPerAccount, 100, Duration.ofSeconds(1));
        orderPerIp = orDefault(orderPerIp, 300, Duration.ofSeconds(1));
        apiKeyPerAccount = orDefault(apiKeyPerAccount, 10, Duration.ofHours(1));
        apiKeyPerIp = orDefault(apiKeyPerIp, 30, Duration.ofHours(1));
    }

    private static Limit orDefault(Limit l, int capacity, Duration period) {
        return l == null ? new Limit(capacity, period) : l.orDefault(capacity, period);
    }
}
