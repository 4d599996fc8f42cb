package io.skyx.api.settlement;

import io.skyx.custody.withdrawal.HotWallet;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The real hot wallet, except that its first {@code failures} broadcasts fail as a node that cannot be reached does
 * (a transient error: nothing reaches the node); everything else goes to the real wallet and node.
 */
final class FlakyWallet extends ForwardingHotWallet {
    private final AtomicInteger left;
    private final AtomicInteger failed = new AtomicInteger();

    FlakyWallet(HotWallet real, int failures) {
        super(real);
        this.left = new AtomicInteger(failures);
    }

    int failures() {
        return failed.get();
    }

    @Override
    public void broadcast(byte[] raw) throws BroadcastException {
        if (left.getAndDecrement() > 0) {
            failed.incrementAndGet();
            throw new BroadcastException("connection refused: the node is not reachable (test)", false);
        }
        real.broadcast(raw);
    }
}
