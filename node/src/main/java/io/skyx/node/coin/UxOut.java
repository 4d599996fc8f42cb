package io.skyx.node.coin;

import io.skyx.node.cipher.SHA256;
import java.util.Objects;

/**
 * An unspent output: the block that created it and its body. Immutable; its id and snapshot hash are computed
 * once, on first use (the chain rules, the unspent set and the store all ask for them).
 */
public final class UxOut {
    private final UxHead head;
    private final UxBody body;
    private SHA256 id;
    private SHA256 snapshotHash;

    /**
     * @param head creating block's time and sequence number
     * @param body the hashed part
     */
    public UxOut(UxHead head, UxBody body) {
        this.head = Objects.requireNonNull(head, "head");
        this.body = Objects.requireNonNull(body, "body");
    }

    /** With its id already known ({@code id} must be {@code body.hash()}). */
    UxOut(UxHead head, UxBody body, SHA256 id) {
        this(head, body);
        this.id = id;
    }

    public UxHead head() {
        return head;
    }

    public UxBody body() {
        return body;
    }

    /** @return the output id (SHA-256 of the body) */
    public SHA256 id() {
        SHA256 h = id;
        if (h == null) {
            h = body.hash();
            id = h;
        }
        return h;
    }

    /** @return SHA-256(body ‖ head), the term this output contributes to a block's UxHash */
    public SHA256 snapshotHash() {
        SHA256 h = snapshotHash;
        if (h == null) {
            h = SHA256.sum(UxOutCodec.INSTANCE.encodeSnapshot(this));
            snapshotHash = h;
        }
        return h;
    }

    /** @return the coin hours this output holds at block time {@code time} */
    public CoinHours.Result coinHours(long time) {
        return CoinHours.at(body.coins(), body.hours(), head.time(), time);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof UxOut u && head.equals(u.head) && body.equals(u.body);
    }

    @Override
    public int hashCode() {
        return 31 * head.hashCode() + body.hashCode();
    }

    @Override
    public String toString() {
        return "UxOut[head=" + head + ", body=" + body + "]";
    }
}
