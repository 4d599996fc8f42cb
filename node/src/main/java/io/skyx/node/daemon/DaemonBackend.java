package io.skyx.node.daemon;

import io.skyx.node.cipher.SHA256;
import io.skyx.node.coin.SignedBlock;
import io.skyx.node.coin.Transaction;

import java.util.List;
import java.util.Optional;

/** What the daemon needs from the node: the chain to serve and sync, and the unconfirmed pool to relay. */
public interface DaemonBackend {

    /** @return the seq of the head block */
    long headSeq();

    /** @return up to {@code max} signed blocks with seq {@code > afterSeq}, ascending */
    List<SignedBlock> blocksAfter(long afterSeq, int max);

    /**
     * Verifies (signature against the configured key and every chain rule) and applies, in order, blocks received
     * from a peer, stopping at the first refused one; the applied ones are stored in one write.
     *
     * @return true if every block was applied; false if one was refused or could not be stored
     */
    boolean applyBlocks(List<SignedBlock> blocks);

    /** @return the unconfirmed transaction with this txid, if the pool holds it */
    Optional<Transaction> unconfirmed(SHA256 txid);

    /** @return whether this txid is already known (pooled or confirmed) */
    boolean knows(SHA256 txid);

    /**
     * Offers a transaction received from a peer to the pool.
     *
     * @return true if it is new and was accepted (it is then re-announced to other peers)
     */
    boolean offer(Transaction txn);

    /** @return txids of the pool's valid unconfirmed transactions, announced to each new peer */
    List<SHA256> announceableTxids();
}
