package io.skyx.node.chain;

import io.skyx.node.coin.Recoveries;
import io.skyx.node.coin.SignedBlock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Recoveries prefetched in parallel leave every verdict unchanged: mainnet replays, a forged block is refused. */
class PrefetchedRecoveriesTest {
    @AfterEach
    void clear() {
        Recoveries.clear();
    }

    @Test
    void prefetchedMainnetReplaysAndAForgedSignatureIsStillRefused() {
        List<MainnetBlocks.Line> lines = MainnetBlocks.load();
        List<SignedBlock> blocks = lines.subList(1, lines.size()).stream().map(MainnetBlocks.Line::block).toList();
        SignedBlock one = blocks.getFirst();
        SignedBlock forged = new SignedBlock(one.block(), blocks.get(1).sig());
        Recoveries.prefetch(List.of(forged));
        Recoveries.prefetch(blocks);
        Chain chain = Chain.fromGenesis(GenesisParams.MAINNET, true);
        ApplyResult refused = chain.apply(forged);
        assertThat(refused.error()).isEqualTo(ChainError.BAD_BLOCK_SIGNATURE);
        for (SignedBlock b : blocks) {
            ApplyResult r = chain.apply(b);
            assertThat(r.ok()).as(r.describe()).isTrue();
        }
        assertThat(chain.headHash().hex()).startsWith("644bd4cc");
    }
}
