package io.skyx.node.coin;

import io.skyx.node.cipher.Address;
import io.skyx.node.cipher.SHA256;
import io.skyx.node.cipher.Sig;
import io.skyx.node.encoding.DecodeException;
import io.skyx.node.encoding.Decoder;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Random (not necessarily valid) coin values for codec tests; every field takes arbitrary bytes. */
final class RandomCoin {
    private RandomCoin() {
    }

    static byte[] bytes(Random r, int n) {
        byte[] b = new byte[n];
        r.nextBytes(b);
        return b;
    }

    static SHA256 hash(Random r) {
        return SHA256.of(bytes(r, 32));
    }

    static Sig sig(Random r) {
        try {
            return Sig.read(new Decoder(bytes(r, Sig.SIZE)));
        } catch (DecodeException e) {
            throw new IllegalStateException(e);
        }
    }

    static Address address(Random r) {
        return Address.of(r.nextInt(256), bytes(r, 20));
    }

    static TransactionOutput output(Random r) {
        return new TransactionOutput(address(r), r.nextLong(), r.nextLong());
    }

    static Transaction transaction(Random r) {
        List<Sig> sigs = new ArrayList<>();
        List<SHA256> inputs = new ArrayList<>();
        List<TransactionOutput> outputs = new ArrayList<>();
        for (int i = r.nextInt(4); i > 0; i--) {
            sigs.add(sig(r));
        }
        for (int i = r.nextInt(4); i > 0; i--) {
            inputs.add(hash(r));
        }
        for (int i = r.nextInt(4); i > 0; i--) {
            outputs.add(output(r));
        }
        return new Transaction(r.nextLong() & 0xFFFF_FFFFL, r.nextInt(256), hash(r), sigs, inputs, outputs);
    }

    static UxBody uxBody(Random r) {
        return new UxBody(hash(r), address(r), r.nextLong(), r.nextLong());
    }

    static UxHead uxHead(Random r) {
        return new UxHead(r.nextLong(), r.nextLong());
    }

    static UxOut uxOut(Random r) {
        return new UxOut(uxHead(r), uxBody(r));
    }

    static BlockHeader header(Random r) {
        return new BlockHeader(r.nextLong() & 0xFFFF_FFFFL, r.nextLong(), r.nextLong(), r.nextLong(), hash(r),
                hash(r), hash(r));
    }

    static BlockBody body(Random r) {
        List<Transaction> txns = new ArrayList<>();
        for (int i = r.nextInt(3); i > 0; i--) {
            txns.add(transaction(r));
        }
        return new BlockBody(txns);
    }

    static Block block(Random r) {
        return new Block(header(r), body(r));
    }

    static SignedBlock signedBlock(Random r) {
        return new SignedBlock(block(r), sig(r));
    }
}
