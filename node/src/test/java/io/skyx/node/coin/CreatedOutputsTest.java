package io.skyx.node.coin;

import io.skyx.node.service.ChainGenerator;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A transaction keeps the outputs it creates, with their hashes, for the next caller with the same block head;
 * another head gets outputs with that head, and every kept hash equals the one computed from scratch.
 */
class CreatedOutputsTest {

    @Test
    void keptOutputsBelongToTheHeadAskedFor() {
        ChainGenerator gen = new ChainGenerator("created-outputs");
        gen.nextBlock(1);
        Transaction t = gen.blocks().get(1).block().body().transactions().getFirst();
        UxHead h1 = new UxHead(1_000, 7);
        UxHead h2 = new UxHead(2_000, 8);

        List<UxOut> first = t.createdOutputs(h1);
        assertThat(t.createdOutputs(h1)).isSameAs(first);
        List<UxOut> other = t.createdOutputs(h2);
        assertThat(other).extracting(UxOut::head).containsOnly(h2);
        assertThat(t.createdOutputs(h1)).isEqualTo(first).extracting(UxOut::head).containsOnly(h1);

        for (List<UxOut> outs : List.of(first, other)) {
            for (int i = 0; i < outs.size(); i++) {
                UxOut kept = outs.get(i);
                UxOut fresh = new UxOut(kept.head(), new UxBody(t.txid(), t.outputs().get(i).address(),
                        t.outputs().get(i).coins(), t.outputs().get(i).hours()));
                assertThat(kept.id()).isEqualTo(fresh.id()).isEqualTo(t.outputId(i))
                        .isEqualTo(t.outputs().get(i).uxId(t.txid()));
                assertThat(kept.snapshotHash()).isEqualTo(fresh.snapshotHash());
                assertThat(kept).isEqualTo(fresh).hasSameHashCodeAs(fresh);
            }
        }
        assertThat(first.getFirst().snapshotHash()).isNotEqualTo(other.getFirst().snapshotHash());
        assertThatThrownBy(() -> first.add(other.getFirst())).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void signingHashesAreKeptPerInput() {
        ChainGenerator gen = new ChainGenerator("signing-hashes");
        gen.nextBlock(1);
        Transaction t = gen.blocks().get(1).block().body().transactions().getFirst();
        for (int i = 0; i < t.inputs().size(); i++) {
            assertThat(t.signingHash(i)).isEqualTo(io.skyx.node.cipher.SHA256.addSHA256(t.innerHash(),
                    t.inputs().get(i)));
        }
        assertThatThrownBy(() -> t.signingHash(t.inputs().size())).isInstanceOf(IndexOutOfBoundsException.class);
    }
}
