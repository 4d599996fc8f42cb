package io.skyx.custody.reconcile;

import io.skyx.custody.platform.CustodyAsset;
import java.util.Set;

/**
 * Transactions the platform itself sent from the hot wallet that are not user withdrawals (proof-of-reserves
 * anchors, settlement payouts, hot/cold sweeps): reconciliation does not count them as unknown spends. Pluggable:
 * every source the platform has is asked.
 */
public interface PlatformSpends {

    /** The txids of the platform's own spends of {@code asset}'s hot wallet. */
    Set<String> txids(CustodyAsset asset);
}
