package io.skyx.node.coin;

import io.skyx.node.cipher.SHA256;
import java.util.Objects;

/**
 * An unspent output: the block that created it and its body.
 *
 * @param head creating block's time and sequence number
 * @param body the hashed part
 */
public record UxOut(UxHead head, UxBody body) {
    public UxOut {
        Objects.requireNonNull(head, "head");
        Objects.requireNonNull(body, "body");
    }

    /** @return the output id (SHA-256 of the body) */
    public SHA256 id() {
        return body.hash();
    }

    /** @return SHA-256(body ‖ head), the term this output contributes to a block's UxHash */
    public SHA256 snapshotHash() {
        return SHA256.sum(UxOutCodec.INSTANCE.encodeSnapshot(this));
    }

    /** @return the coin hours this output holds at block time {@code time} */
    public CoinHours.Result coinHours(long time) {
        return CoinHours.at(body.coins(), body.hours(), head.time(), time);
    }
}
