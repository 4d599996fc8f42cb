package io.skyx.api.security;

import java.time.Duration;
import java.time.InstantSource;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Login throttling, per account and per client IP address, in memory.
 *
 * <ul>
 *   <li>Account: after {@code accountMaxFailures} failures in a row the account is locked for
 *       {@code accountLockout}; every further failure doubles the lockout, up to {@code accountMaxLockout}.
 *       A successful login clears the count, and so does a quiet period of {@code accountMaxLockout}.</li>
 *   <li>IP: at most {@code ipMaxFailures} failures in a fixed window of {@code ipWindow}; then the address is
 *       blocked until the window ends. Successes do not clear it (one good account must not unlock guessing).</li>
 * </ul>
 * While blocked, the password is not even checked. Thread-safe.
 */
final class LoginThrottle {

    /** Result of {@link #check}: allowed, or blocked for {@code retryAfter}. */
    record Verdict(boolean allowed, Duration retryAfter) {
        static final Verdict ALLOWED = new Verdict(true, Duration.ZERO);
    }

    private record AccountState(int failures, long lockedUntilMillis, long lastFailureMillis) { }

    private record IpState(int failures, long windowStartMillis) { }

    private static final int PURGE_THRESHOLD = 10_000;

    private final InstantSource clock;
    private final int accountMaxFailures;
    private final long accountLockoutMillis;
    private final long accountMaxLockoutMillis;
    private final int ipMaxFailures;
    private final long ipWindowMillis;
    private final Map<String, AccountState> accounts = new ConcurrentHashMap<>();
    private final Map<String, IpState> ips = new ConcurrentHashMap<>();

    LoginThrottle(SkyxSecurityProperties props, InstantSource clock) {
        this.clock = clock;
        this.accountMaxFailures = props.accountMaxFailures();
        this.accountLockoutMillis = props.accountLockout().toMillis();
        this.accountMaxLockoutMillis = props.accountMaxLockout().toMillis();
        this.ipMaxFailures = props.ipMaxFailures();
        this.ipWindowMillis = props.ipWindow().toMillis();
    }

    /** Whether a login for {@code account} from {@code ip} may be tried now. */
    Verdict check(String account, String ip) {
        long now = clock.millis();
        long wait = 0;
        AccountState a = accounts.get(pair(account, ip));
        if (a != null && a.lockedUntilMillis() > now) {
            wait = a.lockedUntilMillis() - now;
        }
        IpState i = ips.get(ip);
        if (i != null && i.failures() >= ipMaxFailures && i.windowStartMillis() + ipWindowMillis > now) {
            wait = Math.max(wait, i.windowStartMillis() + ipWindowMillis - now);
        }
        return wait == 0 ? Verdict.ALLOWED : new Verdict(false, Duration.ofMillis(wait));
    }

    /** Records a failed login. */
    void failure(String account, String ip) {
        long now = clock.millis();
        purgeIfLarge(now);
        accounts.compute(pair(account, ip), (k, old) -> {
            boolean stale = old == null || old.lastFailureMillis() + accountMaxLockoutMillis <= now;
            int failures = stale ? 1 : old.failures() + 1;
            long lockedUntil = 0;
            if (failures >= accountMaxFailures) {
                int doublings = Math.min(failures - accountMaxFailures, 30);
                long lockout = Math.min(accountMaxLockoutMillis, accountLockoutMillis << doublings);
                if (lockout <= 0) {
                    lockout = accountMaxLockoutMillis;
                }
                lockedUntil = now + lockout;
            }
            return new AccountState(failures, lockedUntil, now);
        });
        ips.compute(ip, (k, old) -> old == null || old.windowStartMillis() + ipWindowMillis <= now
                ? new IpState(1, now)
                : new IpState(old.failures() + 1, old.windowStartMillis()));
    }

    /** Records a successful login: the failures of this account from this address are forgotten. */
    void success(String account, String ip) {
        accounts.remove(pair(account, ip));
    }

    private static String pair(String account, String ip) {
        return account + '\n' + ip;
    }

    private void purgeIfLarge(long now) {
        if (accounts.size() > PURGE_THRESHOLD) {
            accounts.values().removeIf(s -> s.lockedUntilMillis() <= now
                    && s.lastFailureMillis() + accountMaxLockoutMillis <= now);
        }
        if (ips.size() > PURGE_THRESHOLD) {
            ips.values().removeIf(s -> s.windowStartMillis() + ipWindowMillis <= now);
        }
    }
}
