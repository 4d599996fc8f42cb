package io.skyx.api.account;

import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The account-security checks of a withdrawal, for the withdrawal pipeline: destination syntax and network,
 * whitelist and cool-off when the whitelist is on, and a valid, unused TOTP code when 2FA is on. Failures are
 * {@link AccountException}s with a stable {@link AccountError} code; a failed check changes nothing except that
 * a wrong code counts toward the user's 2FA block.
 */
@Component
public final class WithdrawalPolicy {

    private final AccountStore store;
    private final TwoFactor twoFactor;
    private final Addresses addresses;
    private final AccountClock clock;

    WithdrawalPolicy(AccountClock clock, AccountStore store, TwoFactor twoFactor, Addresses addresses) {
        this.clock = clock;
        this.store = store;
        this.twoFactor = twoFactor;
        this.addresses = addresses;
    }

    /**
     * Passes, or throws: INVALID_ADDRESS / UNKNOWN_ASSET, NOT_WHITELISTED, WHITELIST_COOLING_OFF,
     * TWO_FACTOR_REQUIRED, TWO_FACTOR_INVALID or TWO_FACTOR_LOCKED. A passing code is used up.
     */
    public void check(long userId, String asset, String address, String totpCode) {
        String a = Addresses.asset(asset);
        String destination = addresses.check(a, address);
        if (store.whitelistOn(userId)) {
            AccountStore.Entry e = store.whitelisted(userId, a, destination).orElseThrow(() -> new AccountException(
                    AccountError.NOT_WHITELISTED, "the whitelist is on and this address is not on it", "address"));
            if (e.usableAt().isAfter(clock.now())) {
                throw new AccountException(AccountError.WHITELIST_COOLING_OFF,
                        "this whitelist entry is usable from " + e.usableAt(), "address");
            }
        }
        twoFactor.require(userId, totpCode);
    }

    /**
     * The user's auto-sweep destination for {@code asset}, once its cool-off has passed (and, when the whitelist
     * is on, only if the address is a usable whitelist entry); empty otherwise.
     */
    public Optional<AutoSweep> autoSweep(long userId, String asset) {
        String a = Addresses.asset(asset);
        var now = clock.now();
        return store.sweep(userId, a).filter(s -> !s.usableAt().isAfter(now))
                .filter(s -> !store.whitelistOn(userId) || store.whitelisted(userId, a, s.address())
                        .map(e -> !e.usableAt().isAfter(now)).orElse(false))
                .map(s -> new AutoSweep(s.asset(), s.address(), s.minimum()));
    }
}
