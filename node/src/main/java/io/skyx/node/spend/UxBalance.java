package io.skyx.node.spend;

import io.skyx.node.cipher.Address;
import io.skyx.node.cipher.SHA256;
import io.skyx.node.coin.CoinHours;
import io.skyx.node.coin.UxOut;

/**
 * An unspent output with its coin hours at the head time (Skycoin's {@code UxBalance}).
 *
 * @param out   the output
 * @param hours its coin hours at the head block time
 */
public record UxBalance(UxOut out, long hours) {
    /** @throws SpendException if the hours overflow (Skycoin's CoinHours error) */
    static UxBalance at(UxOut u, long headTime) throws SpendException {
        CoinHours.Result r = u.coinHours(headTime);
        if (!r.ok()) {
            throw new SpendException("coin hours of " + u.id() + " overflow: " + r.status(), false);
        }
        return new UxBalance(u, r.hours());
    }

    public SHA256 hash() {
        return out.id();
    }

    public long coins() {
        return out.body().coins();
    }

    public Address address() {
        return out.body().address();
    }

    long bkSeq() {
        return out.head().bkSeq();
    }
}
