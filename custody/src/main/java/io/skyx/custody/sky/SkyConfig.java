package io.skyx.custody.sky;

import java.time.Duration;

/**
 * SKY custody settings.
 *
 * @param seed              the platform's SKY seed: key 0 of its deterministic chain is the hot address, key i+1 the
 *                          deposit address of deposit index i
 * @param confirmations     blocks deep a deposit must be to be credited and a withdrawal to be completed
 * @param minimumWithdrawal the smallest amount in droplets a destination may receive (a multiple of 1000)
 * @param batchInterval     how often the waiting withdrawals go out in one multi-output transaction
 * @param maxBatch          the most withdrawals in one transaction
 * @param hoursSharePercent the share of the spendable coin hours (after the burn) that goes to the destinations,
 *                          split in proportion to their coins; the rest goes back to the hot address
 * @param poll              how often the watcher and the pipeline run
 */
public record SkyConfig(String seed, int confirmations, long minimumWithdrawal, Duration batchInterval, int maxBatch,
                        int hoursSharePercent, Duration poll) {

    /** Checks the settings. */
    public SkyConfig {
        if (seed == null || seed.isBlank()) {
            throw new IllegalArgumentException("skyx.custody.sky.seed is required");
        }
        if (confirmations < 1 || minimumWithdrawal < SkyTransactions.DROPLET_STEP
                || minimumWithdrawal % SkyTransactions.DROPLET_STEP != 0 || maxBatch < 1
                || hoursSharePercent < 0 || hoursSharePercent > 100 || batchInterval.isNegative()
                || batchInterval.isZero()) {
            throw new IllegalArgumentException("SKY custody: confirmations >= 1, minimum a positive multiple of 1000 "
                    + "droplets, maxBatch >= 1, hours share 0..100, batch interval > 0");
        }
    }

    /** Does not show the seed. */
    @Override
    public String toString() {
        return "SkyConfig[confirmations=" + confirmations + ", minimum=" + minimumWithdrawal + ", batch="
                + batchInterval + "/" + maxBatch + ", hoursShare=" + hoursSharePercent + "%, poll=" + poll + "]";
    }
}
