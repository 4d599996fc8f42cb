package io.skyx.node.chain;

import io.skyx.node.cipher.SHA256;
import io.skyx.node.coin.BlockHeader;
import io.skyx.node.coin.SignedBlock;
import io.skyx.node.coin.Transaction;
import io.skyx.node.coin.TransactionRules;
import io.skyx.node.coin.TxnResult;
import io.skyx.node.coin.UxHead;
import io.skyx.node.coin.UxOut;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Every check of one signed block against the chain, in Skycoin's order: block signature; header (seq, time,
 * previous hash, body hash); at least one transaction; each transaction's hard rules against the unspent set as
 * it was before the block; new outputs unique across the block; no input spent twice in the block; UxHash; and, in
 * strict mode, the header fee. (Skycoin's further sanity checks, "Output hash is in the UnspentPool" with real txids
 * and "Unexpected duplicate transaction", cannot fail once these have passed without a SHA-256 collision.) Collects what applying the block would spend and create.
 */
final class BlockCheck {
    private final Chain chain;
    private final SignedBlock block;
    private final BlockHeader header;
    private final List<SHA256> spent = new ArrayList<>();
    private final List<UxOut> created = new ArrayList<>();

    BlockCheck(Chain chain, SignedBlock block) {
        this.chain = chain;
        this.block = block;
        this.header = block.header();
    }

    List<SHA256> spent() {
        return spent;
    }

    List<UxOut> created() {
        return created;
    }

    ApplyResult run() {
        long seq = header.seq();
        BlockHeader parent = chain.head();
        if (seq == 0 && block.hash().equals(chain.params().genesisBlock().hash())) {
            return ApplyResult.block(ChainError.BAD_SEQ, seq, "genesis block is already applied");
        }
        if (!BlockSignatures.verify(chain.params().blockchainPubKey(), block)) {
            return ApplyResult.block(ChainError.BAD_BLOCK_SIGNATURE, seq, "block hash " + block.hash());
        }
        if (seq != parent.seq() + 1) {
            return ApplyResult.block(ChainError.BAD_SEQ, seq,
                    "expected seq " + Long.toUnsignedString(parent.seq() + 1));
        }
        if (Long.compareUnsigned(header.time(), parent.time()) <= 0) {
            return ApplyResult.block(ChainError.TIME_NOT_INCREASING, seq, "time " + Long.toUnsignedString(
                    header.time()) + " <= head time " + Long.toUnsignedString(parent.time()));
        }
        if (!header.prevHash().equals(chain.headHash())) {
            return ApplyResult.block(ChainError.PREV_HASH_MISMATCH, seq,
                    "prev " + header.prevHash() + ", head " + chain.headHash());
        }
        SHA256 bodyHash = block.block().body().hash();
        if (!bodyHash.equals(header.bodyHash())) {
            return ApplyResult.block(ChainError.BODY_HASH_MISMATCH, seq, "computed " + bodyHash);
        }
        List<Transaction> txns = block.block().body().transactions();
        if (txns.isEmpty()) {
            return ApplyResult.block(ChainError.NO_TRANSACTIONS, seq, "");
        }
        ApplyResult r = checkTransactions(seq, parent, txns);
        if (!r.ok()) {
            return r;
        }
        SHA256 uxHash = chain.uxHash();
        if (!uxHash.equals(header.uxHash())) {
            return ApplyResult.block(ChainError.UX_HASH_MISMATCH, seq, "unspent set gives " + uxHash);
        }
        return chain.strictFee() ? checkFee(seq, parent, txns) : ApplyResult.ok(seq);
    }

    private ApplyResult checkTransactions(long seq, BlockHeader parent, List<Transaction> txns) {
        UnspentPool pool = chain.pool();
        Set<SHA256> newIds = new HashSet<>();
        UxHead newHead = new UxHead(header.time(), seq);
        for (int i = 0; i < txns.size(); i++) {
            Transaction t = txns.get(i);
            List<UxOut> uxIn = new ArrayList<>(t.inputs().size());
            for (SHA256 in : t.inputs()) {
                Optional<UxOut> ux = pool.get(in);
                if (ux.isEmpty()) {
                    return ApplyResult.txn(seq, i, TxnResult.INPUT_NOT_UNSPENT, "input " + in);
                }
                uxIn.add(ux.get());
            }
            TxnResult tr = TransactionRules.verifyBlockTransaction(t, parent.time(), uxIn);
            if (!tr.ok()) {
                return ApplyResult.txn(seq, i, tr, "txid " + t.txid());
            }
            if (chain.newOutputsCollide(t)) {
                return ApplyResult.txn(seq, i, TxnResult.NEW_OUTPUT_COLLIDES, "txid " + t.txid());
            }
            for (UxOut ux : t.createdOutputs(newHead)) {
                SHA256 id = ux.id();
                if (!newIds.add(id)) {
                    return ApplyResult.block(ChainError.DUPLICATE_OUTPUT_ACROSS_TRANSACTIONS, seq, "uxid " + id);
                }
                created.add(ux);
            }
        }
        Set<SHA256> inputs = new HashSet<>();
        for (Transaction t : txns) {
            for (SHA256 in : t.inputs()) {
                if (!inputs.add(in)) {
                    return ApplyResult.block(ChainError.DOUBLE_SPEND_IN_BLOCK, seq, "input " + in);
                }
                spent.add(in);
            }
        }
        return ApplyResult.ok(seq);
    }

    private ApplyResult checkFee(long seq, BlockHeader parent, List<Transaction> txns) {
        long total = 0;
        for (Transaction t : txns) {
            List<UxOut> uxIn = t.inputs().stream().map(in -> chain.pool().get(in).orElseThrow()).toList();
            TransactionRules.Fee fee = TransactionRules.fee(t, parent.time(), uxIn);
            if (!fee.status().ok()) {
                return ApplyResult.block(ChainError.FEE_MISMATCH, seq, "txid " + t.txid() + " fee: "
                        + fee.status().name());
            }
            total += fee.fee();
        }
        if (total != header.fee()) {
            return ApplyResult.block(ChainError.FEE_MISMATCH, seq, "header fee " + Long.toUnsignedString(
                    header.fee()) + ", transactions pay " + Long.toUnsignedString(total));
        }
        return ApplyResult.ok(seq);
    }
}
