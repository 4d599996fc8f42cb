package io.skyx.node.coin;

import io.skyx.node.cipher.Address;
import io.skyx.node.cipher.SHA256;
import java.util.List;

/**
 * Builds a genesis block the way a Skycoin node does locally (skycoin-protocol.md §8): one transaction with no
 * inputs and no signatures whose header is left zero (Length 0, InnerHash 0), and one output holding all coins
 * with as many hours as coins. The block has seq 0, fee 0, version 0 and all-zero PrevHash and UxHash.
 */
public final class Genesis {
    private Genesis() {
    }

    public static Block block(Address address, long coins, long timestamp) {
        Transaction txn = new Transaction(0, 0, SHA256.NULL, List.of(), List.of(),
                List.of(new TransactionOutput(address, coins, coins)));
        BlockBody body = new BlockBody(List.of(txn));
        BlockHeader header = new BlockHeader(0, timestamp, 0, 0, SHA256.NULL, body.hash(), SHA256.NULL);
        return new Block(header, body);
    }

    /**
     * The unspent outputs a block creates. Outputs of block 0 have an all-zero SrcTransaction (a Skycoin quirk
     * kept for consensus), so their ids differ from {@link Transaction#outputId(int)}.
     */
    public static List<UxOut> createdOutputs(BlockHeader header, Transaction txn) {
        UxHead head = new UxHead(header.time(), header.seq());
        if (header.seq() != 0) {
            return txn.createdOutputs(head);
        }
        return txn.outputs().stream()
                .map(o -> new UxOut(head, new UxBody(SHA256.NULL, o.address(), o.coins(), o.hours())))
                .toList();
    }
}
