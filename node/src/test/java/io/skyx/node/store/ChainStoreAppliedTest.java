package io.skyx.node.store;

import io.skyx.node.chain.Chain;
import io.skyx.node.coin.SignedBlock;
import io.skyx.node.coin.UxOut;
import io.skyx.node.service.ChainGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@link ChainStore#appendApplied}: blocks stored with the outputs the chain rules spent and created give the same
 * store as {@link ChainStore#append(List)}, which reads and derives them itself; outputs that are not the block's
 * are refused and nothing is written.
 */
class ChainStoreAppliedTest {

    /** The blocks after genesis with what the chain rules spent and created for each. */
    private static List<ChainStore.Applied> applied(ChainGenerator gen) {
        Chain chain = Chain.fromGenesis(gen.params(), false);
        List<ChainStore.Applied> out = new ArrayList<>();
        for (SignedBlock b : gen.blocks().subList(1, gen.blocks().size())) {
            List<UxOut> spent = new ArrayList<>();
            List<UxOut> created = new ArrayList<>();
            assertThat(chain.apply(b, spent, created).ok()).isTrue();
            out.add(new ChainStore.Applied(b, spent, created));
        }
        return out;
    }

    private static ChainGenerator chain(String seed) {
        ChainGenerator gen = new ChainGenerator(seed);
        for (int i = 0; i < 6; i++) {
            gen.nextBlock(3);
        }
        return gen;
    }

    @Test
    void storingTheRulesOutputsGivesTheSameStoreAsDerivingThem(@TempDir Path dir) throws Exception {
        ChainGenerator gen = chain("store-applied");
        List<ChainStore.Applied> applied = applied(gen);
        try (ChainStore derived = ChainStore.open(dir.resolve("derived"));
             ChainStore given = ChainStore.open(dir.resolve("given"))) {
            derived.append(gen.blocks().getFirst());
            given.append(gen.blocks().getFirst());
            derived.append(gen.blocks().subList(1, 4));
            derived.append(gen.blocks().subList(4, gen.blocks().size()));
            // blocks 3 and 4 in one write: block 4 spends outputs of block 3 from the same batch
            given.appendApplied(applied.subList(0, 2));
            given.appendApplied(applied.subList(2, applied.size()));
            assertThat(given.head()).isEqualTo(derived.head());
            assertThat(given.allUnspents()).containsExactlyElementsOf(derived.allUnspents());
            for (ChainStore.Applied a : applied) {
                for (UxOut spent : a.spent()) {
                    assertThat(given.output(spent.id())).isEqualTo(derived.output(spent.id()));
                    assertThat(given.output(spent.id()).orElseThrow().spent()).isTrue();
                }
                for (UxOut created : a.created()) {
                    assertThat(given.output(created.id())).isEqualTo(derived.output(created.id()));
                    assertThat(given.outputsOf(created.body().address()))
                            .isEqualTo(derived.outputsOf(created.body().address()));
                }
            }
        }
    }

    @Test
    void outputsThatAreNotTheBlocksAreRefusedAndNothingIsWritten(@TempDir Path dir) throws Exception {
        ChainGenerator gen = chain("store-applied-refused");
        List<ChainStore.Applied> applied = applied(gen);
        ChainStore.Applied first = applied.getFirst();
        ChainStore.Applied second = applied.get(1);
        try (ChainStore s = ChainStore.open(dir)) {
            s.append(gen.blocks().getFirst());
            ChainStore.Head head = s.head().orElseThrow();
            List<ChainStore.Applied> wrongSpent = List.of(first,
                    new ChainStore.Applied(second.block(), first.spent(), second.created()));
            assertThatThrownBy(() -> s.appendApplied(wrongSpent)).isInstanceOf(StoreException.class)
                    .hasMessageContaining("given without its output");
            List<ChainStore.Applied> missingCreated = List.of(new ChainStore.Applied(first.block(), first.spent(),
                    first.created().subList(1, first.created().size())));
            assertThatThrownBy(() -> s.appendApplied(missingCreated)).isInstanceOf(StoreException.class)
                    .hasMessageContaining("given without its output");
            List<ChainStore.Applied> extraSpent = List.of(new ChainStore.Applied(first.block(),
                    concat(first.spent(), second.spent()), first.created()));
            assertThatThrownBy(() -> s.appendApplied(extraSpent)).isInstanceOf(StoreException.class)
                    .hasMessageContaining("does not spend or create");
            assertThat(s.head()).contains(head);
            assertThat(s.blockBySeq(1)).isEmpty();
            for (UxOut u : first.created()) {
                assertThat(s.output(u.id())).isEmpty();
            }
            s.appendApplied(List.of(first));
            assertThat(s.head().orElseThrow().seq()).isEqualTo(1);
        }
    }

    private static List<UxOut> concat(List<UxOut> a, List<UxOut> b) {
        List<UxOut> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }
}
