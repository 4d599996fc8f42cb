package io.skyx.api.custody;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code skyx.custody.sky.*}: SKY custody through the embedded node. Off unless {@code enabled} (the local profile
 * turns it on with the node).
 *
 * @param enabled           run SKY custody (needs {@code skyx.node.enabled})
 * @param seed              the platform's SKY seed (required; hot and deposit addresses derive from it)
 * @param confirmations     blocks deep for crediting deposits and completing withdrawals
 * @param minimumWithdrawal smallest withdrawal in droplets (a multiple of 1000)
 * @param batchInterval     how long the oldest waiting withdrawal waits before a batch goes out
 * @param maxBatch          most withdrawals per transaction
 * @param hoursShare        percent of the spendable coin hours (after the burn) sent to the destinations
 * @param poll              watcher and pipeline interval
 * @param localFunding      local profile with the node's own private chain: droplets the genesis wallet pays the
 *                          hot address at start when it holds less than half of it (0: none)
 */
@ConfigurationProperties(prefix = "skyx.custody.sky")
public record SkyCustodyProperties(boolean enabled, String seed, int confirmations, long minimumWithdrawal,
                                   Duration batchInterval, int maxBatch, int hoursShare, Duration poll,
                                   long localFunding) {

    /** Defaults. */
    public SkyCustodyProperties {
        confirmations = confirmations <= 0 ? 2 : confirmations;
        minimumWithdrawal = minimumWithdrawal <= 0 ? 1000 : minimumWithdrawal;
        batchInterval = batchInterval == null ? Duration.ofSeconds(30) : batchInterval;
        maxBatch = maxBatch <= 0 ? 200 : maxBatch;
        hoursShare = hoursShare <= 0 ? 50 : hoursShare;
        poll = poll == null ? Duration.ofSeconds(1) : poll;
    }

    /** Does not show the seed. */
    @Override
    public String toString() {
        return "SkyCustodyProperties[enabled=" + enabled + ", confirmations=" + confirmations + ", batch="
                + batchInterval + "]";
    }
}
