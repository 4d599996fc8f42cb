package io.skyx.node.store;

import io.skyx.node.chain.GenesisParams;
import io.skyx.node.coin.UxOut;
import io.skyx.node.service.BlockImport;
import io.skyx.node.service.NodeConfig;
import io.skyx.node.service.SkycoinNode;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Reopening a store restores head, unspent set and UxHash without replaying the chain, and the checksum (the
 * UxHash of the restored set against the one recorded with the head) refuses a store whose unspent set was
 * altered behind its back.
 */
class ReopenWithoutReplayTest {
    private static Path blocks() {
        Path p = Path.of(System.getProperty("skyx.shared.dir", "../../shared"), "skycoin-vectors",
                "mainnet-blocks-0-120.jsonl");
        Assumptions.assumeTrue(Files.isRegularFile(p), p + " not found");
        return p;
    }

    private static NodeConfig cfg(Path dir) {
        return NodeConfig.follower(dir, GenesisParams.MAINNET, new InetSocketAddress("127.0.0.1", 0), List.of());
    }

    @Test
    void reopenRestoresTheStateAndRefusesATamperedUnspentSet(@TempDir Path dir) throws Exception {
        String headHash;
        String uxHash;
        long unspents;
        try (SkycoinNode node = SkycoinNode.open(cfg(dir))) {
            assertThat(BlockImport.run(node, blocks(), s -> { }).ok()).isTrue();
            headHash = node.storedHead().block().hash().toString();
            uxHash = node.storedHead().uxHash().toString();
            unspents = node.storedHead().unspentCount();
        }
        UxOut victim;
        try (SkycoinNode node = SkycoinNode.open(cfg(dir))) {
            assertThat(node.head().seq()).isEqualTo(120);
            assertThat(node.head().hash().toString()).isEqualTo(headHash);
            assertThat(node.storedHead().uxHash().toString()).isEqualTo(uxHash);
            assertThat(node.storedHead().unspentCount()).isEqualTo(unspents);
            victim = node.store().allUnspents().getFirst();
            assertThat(node.unspent(victim.id())).contains(victim);
        }
        try (RocksTables db = new RocksTables(dir, false); RocksTables.Batch b = db.batch()) {
            b.delete(RocksTables.Table.UNSPENT, victim.id().bytes());
            db.commit(b);
        }
        assertThatThrownBy(() -> SkycoinNode.open(cfg(dir)).close())
                .isInstanceOf(StoreException.class).hasMessageContaining("does not match the head's record");
    }
}
