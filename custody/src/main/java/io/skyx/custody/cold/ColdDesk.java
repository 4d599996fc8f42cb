package io.skyx.custody.cold;

import io.skyx.custody.CustodyException;
import io.skyx.custody.platform.CustodyAsset;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * The operator's hot/cold desk for one asset: sweeps, top-ups and the view, each run on the asset's custody thread
 * (after the round in progress), so it never picks the coins a withdrawal is being signed with.
 */
public final class ColdDesk {

    private final CustodyAsset asset;
    private final Sweeper sweeper;
    private final TopUps topUps;
    private final Executor custodyThread;

    /** @param topUps null when the asset has no offline-signed top-up */
    public ColdDesk(CustodyAsset asset, Sweeper sweeper, TopUps topUps, Executor custodyThread) {
        this.asset = asset;
        this.sweeper = sweeper;
        this.topUps = topUps;
        this.custodyThread = custodyThread;
    }

    /** The asset. */
    public CustodyAsset asset() {
        return asset;
    }

    /** Sweeps the hot wallet's excess to cold now (see {@link Sweeper#sweep}). */
    public Sweeper.Report sweep(String requestId) {
        requireId(requestId);
        return onCustodyThread(() -> sweeper.sweep(requestId));
    }

    /** Hot and cold balances, target, latest sweeps and top-ups. */
    public Sweeper.View view(int limit) {
        return onCustodyThread(() -> sweeper.view(limit));
    }

    /** Exports an unsigned top-up. */
    public ColdTransfer exportTopUp(String requestId, Long amount) {
        requireId(requestId);
        TopUps t = topUps();
        return onCustodyThread(() -> t.export(requestId, amount));
    }

    /** Imports a signed top-up. */
    public ColdTransfer importTopUp(long id, String signed) {
        TopUps t = topUps();
        return onCustodyThread(() -> t.importSigned(id, signed));
    }

    /** Cancels an unsigned top-up. */
    public ColdTransfer cancelTopUp(long id) {
        TopUps t = topUps();
        return onCustodyThread(() -> t.cancel(id));
    }

    private TopUps topUps() {
        if (topUps == null) {
            throw new CustodyException("NOT_SUPPORTED", asset + " has no offline-signed top-up here; pay the hot "
                    + "address from the cold wallet directly", "asset");
        }
        return topUps;
    }

    private static void requireId(String requestId) {
        if (requestId == null || requestId.isBlank() || requestId.length() > 64) {
            throw new CustodyException("INVALID_REQUEST_ID", "requestId: 1 to 64 characters", "requestId");
        }
    }

    private <T> T onCustodyThread(Supplier<T> task) {
        try {
            return CompletableFuture.supplyAsync(task, custodyThread).join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }
}
