package io.skyx.node.coin;

import io.skyx.node.cipher.SHA256;
import java.util.ArrayList;
import java.util.List;

/**
 * The transactions of a block.
 *
 * @param transactions in block order
 */
public record BlockBody(List<Transaction> transactions) {
    public BlockBody {
        transactions = List.copyOf(transactions);
    }

    /** @return the Merkle root of the txids, what the header's BodyHash must equal */
    public SHA256 hash() {
        List<SHA256> ids = new ArrayList<>(transactions.size());
        for (Transaction t : transactions) {
            ids.add(t.txid());
        }
        return SHA256.merkle(ids);
    }
}
