package io.skyx.node.chain;

import io.skyx.node.cipher.Cipher;
import io.skyx.node.cipher.SHA256;
import io.skyx.node.cipher.SecKey;
import io.skyx.node.coin.Block;
import io.skyx.node.coin.BlockBody;
import io.skyx.node.coin.BlockHeader;
import io.skyx.node.coin.Genesis;
import io.skyx.node.coin.SignedBlock;
import io.skyx.node.coin.Transaction;
import io.skyx.node.coin.TransactionRules;
import io.skyx.node.coin.TxnFixtures;
import io.skyx.node.coin.UxOut;
import java.util.List;

/** A chain published with a test key, and helpers that build (and optionally corrupt) its next block. */
final class PrivateChain {
    static final SecKey PUBLISHER = TxnFixtures.key("publisher");
    static final SecKey OWNER = TxnFixtures.key("genesis-owner");
    static final long COINS = 1_000_000_000_000L; // 1M SKY
    static final long T0 = 1_600_000_000L;

    static GenesisParams params() {
        Block genesis = Genesis.block(TxnFixtures.address(OWNER), COINS, T0);
        return new GenesisParams(TxnFixtures.address(OWNER), COINS, T0,
                Cipher.signHash(genesis.header().hash(), PUBLISHER), PUBLISHER.pubKey());
    }

    static Chain start(boolean strictFee) {
        return Chain.fromGenesis(params(), strictFee);
    }

    static UxOut genesisOutput(Chain chain) {
        return chain.unspents().iterator().next();
    }

    /**
     * @return the correct header for {@code txns} on top of {@code chain}, at {@code time} (transactions with
     *         inputs that are not unspent add no fee)
     */
    static BlockHeader header(Chain chain, long time, List<Transaction> txns) {
        long fee = 0;
        for (Transaction t : txns) {
            if (t.inputs().stream().allMatch(id -> chain.unspent(id).isPresent())) {
                List<UxOut> in = t.inputs().stream().map(id -> chain.unspent(id).orElseThrow()).toList();
                fee += TransactionRules.fee(t, chain.head().time(), in).fee();
            }
        }
        return new BlockHeader(0, time, chain.headSeq() + 1, fee, chain.headHash(),
                new BlockBody(txns).hash(), chain.uxHash());
    }

    static SignedBlock sign(BlockHeader header, List<Transaction> txns, SecKey key) {
        return new SignedBlock(new Block(header, new BlockBody(txns)), Cipher.signHash(header.hash(), key));
    }

    static SignedBlock next(Chain chain, List<Transaction> txns) {
        return sign(header(chain, chain.head().time() + 10, txns), txns, PUBLISHER);
    }

    static SHA256 hash(String label) {
        return SHA256.sum(label.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
