package io.skyx.api.settlement;

import io.skyx.custody.withdrawal.HotWallet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The real hot wallet, except that its first {@code failures} broadcasts fail as a node that cannot be reached does
 * (a transient error: nothing reaches the node); everything else goes to the real wallet and node.
 */
final class FlakyWallet implements HotWallet {
    private final HotWallet real;
    private final AtomicInteger left;
    private final AtomicInteger failed = new AtomicInteger();

    FlakyWallet(HotWallet real, int failures) {
        this.real = real;
        this.left = new AtomicInteger(failures);
    }

    int failures() {
        return failed.get();
    }

    @Override
    public Build buildAndSign(String destination, long amount, long fee) {
        return real.buildAndSign(destination, amount, fee);
    }

    @Override
    public Build buildAndSign(List<Payment> payments) {
        return real.buildAndSign(payments);
    }

    @Override
    public void adopt(byte[] raw) {
        real.adopt(raw);
    }

    @Override
    public void broadcast(byte[] raw) throws BroadcastException {
        if (left.getAndDecrement() > 0) {
            failed.incrementAndGet();
            throw new BroadcastException("connection refused: the node is not reachable (test)", false);
        }
        real.broadcast(raw);
    }

    @Override
    public Optional<String> conflict(byte[] raw) {
        return real.conflict(raw);
    }

    @Override
    public void release(byte[] raw) {
        real.release(raw);
    }

    @Override
    public int confirmations(String txid) {
        return real.confirmations(txid);
    }

    @Override
    public long spendable() {
        return real.spendable();
    }
}
