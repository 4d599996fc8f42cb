package io.skyx.api.account;

import io.skyx.api.market.Decimals;
import io.skyx.api.market.InvalidInputException;
import java.time.Duration;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * The withdrawal whitelist and the auto-sweep addresses. Every change needs a valid 2FA code once 2FA is on; a
 * new whitelist entry or sweep address becomes usable after the cool-off ({@code skyx.account.whitelist-cooloff},
 * default 24 h). Bad input is refused before anything is written.
 */
@Service
class AccountSettings {

    static final int MAX_LABEL = 64;

    private final AccountStore store;
    private final TwoFactor twoFactor;
    private final Addresses addresses;
    private final Duration coolOff;
    private final AccountClock clock;

    AccountSettings(AccountClock clock, AccountStore store, TwoFactor twoFactor, Addresses addresses,
                    @Value("${skyx.account.whitelist-cooloff:PT24H}") Duration coolOff) {
        if (coolOff.isNegative()) {
            throw new IllegalStateException("skyx.account.whitelist-cooloff must not be negative: " + coolOff);
        }
        this.clock = clock;
        this.store = store;
        this.twoFactor = twoFactor;
        this.addresses = addresses;
        this.coolOff = coolOff;
    }

    java.time.Instant now() {
        return clock.now();
    }

    Duration coolOff() {
        return coolOff;
    }

    boolean whitelistOn(long userId) {
        return store.whitelistOn(userId);
    }

    void setWhitelistOn(long userId, boolean on, String code) {
        twoFactor.require(userId, code);
        store.setWhitelistOn(userId, on);
    }

    List<AccountStore.Entry> whitelist(long userId) {
        return store.whitelist(userId);
    }

    AccountStore.Entry addWhitelisted(long userId, String asset, String address, String label, String code) {
        String a = Addresses.asset(asset);
        String destination = addresses.check(a, address);
        String l = label == null || label.isBlank() ? null : label.strip();
        if (l != null && (l.length() > MAX_LABEL || l.chars().anyMatch(Character::isISOControl))) {
            throw new AccountException(AccountError.BAD_REQUEST,
                    "label must have at most " + MAX_LABEL + " characters and no control characters", "label");
        }
        if (store.whitelisted(userId, a, destination).isPresent()) {
            throw new AccountException(AccountError.BAD_REQUEST, "this address is already on the whitelist",
                    "address");
        }
        twoFactor.require(userId, code);
        return store.addWhitelisted(userId, a, destination, l, clock.now().plus(coolOff)).orElseThrow(() ->
                new AccountException(AccountError.BAD_REQUEST, "this address is already on the whitelist",
                        "address"));
    }

    void removeWhitelisted(long userId, long id, String code) {
        if (store.whitelist(userId).stream().noneMatch(e -> e.id() == id)) {
            throw new AccountException(AccountError.NOT_FOUND, "no such whitelist entry");
        }
        twoFactor.require(userId, code);
        store.removeWhitelisted(userId, id);
    }

    List<AccountStore.Sweep> sweeps(long userId) {
        return store.sweeps(userId);
    }

    AccountStore.Sweep putSweep(long userId, String asset, String address, String minimum, String code) {
        String a = Addresses.asset(asset);
        String destination = addresses.check(a, address);
        if (minimum == null || minimum.isBlank()) {
            throw new AccountException(AccountError.BAD_REQUEST, "minimum is required (a decimal string)", "minimum");
        }
        long min = Decimals.parse(minimum.strip(), Addresses.scale(a), "minimum", InvalidInputException.Reason.INVALID_AMOUNT);
        if (min < 0) {
            throw new AccountException(AccountError.BAD_REQUEST, "minimum must not be negative", "minimum");
        }
        twoFactor.require(userId, code);
        return store.putSweep(userId, a, destination, min, clock.now().plus(coolOff));
    }

    void deleteSweep(long userId, String asset, String code) {
        String a = Addresses.asset(asset);
        if (store.sweep(userId, a).isEmpty()) {
            throw new AccountException(AccountError.NOT_FOUND, "no auto-sweep address for " + a);
        }
        twoFactor.require(userId, code);
        store.deleteSweep(userId, a);
    }
}
