package io.skyx.api.settlement;

import io.skyx.custody.withdrawal.HotWallet;
import java.util.List;
import java.util.Optional;

/** A hot wallet that hands every call to the real one; test wallets override only what they change. */
abstract class ForwardingHotWallet implements HotWallet {
    protected final HotWallet real;

    ForwardingHotWallet(HotWallet real) {
        this.real = real;
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
