package io.skyx.node.chain;

import static org.assertj.core.api.Assertions.assertThat;

import io.skyx.node.coin.SignedBlockCodec;
import io.skyx.node.coin.UxOut;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Replays mainnet blocks 0..120 from the locally built genesis with every check on (strict fee included). */
class MainnetReplayTest {
    @Test
    void genesisFromMainnetParametersIsBlockZero() {
        MainnetBlocks.Line zero = MainnetBlocks.load().get(0);
        assertThat(GenesisParams.MAINNET.genesisBlock()).isEqualTo(zero.block());
        assertThat(GenesisParams.MAINNET.genesisBlock().hash().hex())
                .isEqualTo("0551a1e5af999fe8fff529f6f2ab341e1e33db95135eef1b2be44fe6981349f3");
    }

    @Test
    void replaysBlocks1To120() {
        List<MainnetBlocks.Line> lines = MainnetBlocks.load();
        assertThat(lines).hasSize(121);
        Chain chain = Chain.fromGenesis(GenesisParams.MAINNET, true);
        assertThat(chain.headHash().hex()).isEqualTo(lines.get(0).hash());
        assertThat(chain.unspentCount()).isEqualTo(1);
        for (MainnetBlocks.Line line : lines.subList(1, lines.size())) {
            assertThat(SignedBlockCodec.INSTANCE.encode(line.block())).isEqualTo(line.raw());
            assertThat(line.block().hash().hex()).isEqualTo(line.hash());
            assertThat(line.block().header().seq()).isEqualTo(line.seq());
            ApplyResult r = chain.apply(line.block());
            assertThat(r.ok()).as(r.describe()).isTrue();
            assertThat(chain.headHash().hex()).isEqualTo(line.hash());
        }
        assertThat(lines.get(100).hash()).startsWith("725e7690");
        assertThat(lines.get(120).hash()).startsWith("644bd4cc");
        assertThat(chain.headSeq()).isEqualTo(120);
        assertThat(chain.headHash().hex()).startsWith("644bd4cc");
        // coins are conserved: the unspent set still holds exactly the genesis supply
        long coins = chain.unspents().stream().mapToLong(u -> u.body().coins()).sum();
        assertThat(coins).isEqualTo(100_000_000_000_000L);
        // the incremental UxHash equals the XOR recomputed from scratch
        byte[] xor = new byte[32];
        for (UxOut u : chain.unspents()) {
            byte[] h = u.snapshotHash().bytes();
            for (int i = 0; i < 32; i++) {
                xor[i] ^= h[i];
            }
        }
        assertThat(chain.uxHash().bytes()).isEqualTo(xor);
    }

    @Test
    void replayingABlockTwiceIsRefusedAndChangesNothing() {
        List<MainnetBlocks.Line> lines = MainnetBlocks.load();
        Chain chain = Chain.fromGenesis(GenesisParams.MAINNET, true);
        assertThat(chain.apply(lines.get(1).block()).ok()).isTrue();
        var uxHash = chain.uxHash();
        ApplyResult again = chain.apply(lines.get(1).block());
        assertThat(again.error()).isEqualTo(ChainError.BAD_SEQ);
        assertThat(chain.apply(lines.get(0).block()).error()).isEqualTo(ChainError.BAD_SEQ);
        assertThat(chain.apply(lines.get(3).block()).error()).isEqualTo(ChainError.BAD_SEQ);
        assertThat(chain.uxHash()).isEqualTo(uxHash);
        assertThat(chain.headSeq()).isEqualTo(1);
    }
}
