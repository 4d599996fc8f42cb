package io.skyx.custody.platform;

import java.util.Set;

/** A user's withdrawal settings, read from the platform (exchange-api implements it). */
public interface WithdrawalSettings {

    /** The settings of one user for one asset. */
    Settings of(long userId, CustodyAsset asset);

    /**
     * @param whitelistOn whether withdrawals may only go to {@code whitelist}
     * @param whitelist   the addresses allowed (past their cool-off) when the whitelist is on
     */
    record Settings(boolean whitelistOn, Set<String> whitelist) {
        /** No whitelist. */
        public static final Settings NONE = new Settings(false, Set.of());

        /** Defensive copy. */
        public Settings {
            whitelist = Set.copyOf(whitelist);
        }
    }
}
