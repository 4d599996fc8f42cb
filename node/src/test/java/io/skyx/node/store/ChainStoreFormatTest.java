package io.skyx.node.store;

import io.skyx.node.chain.GenesisParams;
import io.skyx.node.cipher.SHA256;
import io.skyx.node.coin.UxOut;
import io.skyx.node.coin.UxOutCodec;
import io.skyx.node.service.BlockImport;
import io.skyx.node.service.NodeConfig;
import io.skyx.node.service.SkycoinNode;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Store format 2 keeps an unspent output in its UNSPENT entry and a spent one in OUTPUTS; a format-1 store
 * (every output in OUTPUTS, UNSPENT keys with empty values) is converted on open and passes the reopen checksum;
 * an unknown format is refused.
 */
class ChainStoreFormatTest {
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
    void aFormatOneStoreIsConvertedOnOpenAndKeepsItsStateAndHistory(@TempDir Path dir) throws Exception {
        List<UxOut> unspents;
        SHA256 uxHash;
        StoredOutput spent;
        try (SkycoinNode node = SkycoinNode.open(cfg(dir))) {
            assertThat(BlockImport.run(node, blocks(), s -> { }).ok()).isTrue();
            unspents = node.store().allUnspents();
            uxHash = node.storedHead().uxHash();
            SHA256 firstSpent = node.store().blockBySeq(1).orElseThrow().block().body().transactions()
                    .getFirst().inputs().getFirst();
            spent = node.store().output(firstSpent).orElseThrow();
            assertThat(spent.spent()).isTrue();
        }
        try (RocksTables db = new RocksTables(dir, false); RocksTables.Batch b = db.batch()) {
            List<byte[][]> entries = new ArrayList<>();
            db.scanPrefix(RocksTables.Table.UNSPENT, new byte[0], (k, v) -> entries.add(new byte[][]{k, v}));
            for (byte[][] e : entries) {
                UxOut o = UxOutCodec.INSTANCE.decodeExact(e[1]);
                b.put(RocksTables.Table.OUTPUTS, e[0], StoredOutput.StoredOutputCodec.INSTANCE.encode(
                        new StoredOutput(o, Optional.empty(), Optional.empty())));
                b.put(RocksTables.Table.UNSPENT, e[0], new byte[0]);
            }
            b.delete(RocksTables.Table.META, ChainStore.FORMAT_KEY);
            db.commit(b);
        }
        try (SkycoinNode node = SkycoinNode.open(cfg(dir))) {
            assertThat(node.head().seq()).isEqualTo(120);
            assertThat(node.storedHead().uxHash()).isEqualTo(uxHash);
            assertThat(node.store().allUnspents()).containsExactlyElementsOf(unspents);
            assertThat(node.store().output(spent.out().id())).contains(spent);
            UxOut first = unspents.getFirst();
            assertThat(node.store().unspent(first.id())).contains(first);
            assertThat(node.store().output(first.id()).orElseThrow().spent()).isFalse();
        }
        try (RocksTables db = new RocksTables(dir, false)) {
            assertThat(db.get(RocksTables.Table.OUTPUTS, unspents.getFirst().id().bytes())).isEmpty();
            assertThat(db.get(RocksTables.Table.META, ChainStore.FORMAT_KEY)).contains(new byte[]{ChainStore.FORMAT});
        }
    }

    @Test
    void anUnknownFormatIsRefused(@TempDir Path dir) throws Exception {
        ChainStore.open(dir).close();
        try (RocksTables db = new RocksTables(dir, false); RocksTables.Batch b = db.batch()) {
            b.put(RocksTables.Table.META, ChainStore.FORMAT_KEY, new byte[]{9});
            db.commit(b);
        }
        assertThatThrownBy(() -> ChainStore.open(dir).close())
                .isInstanceOf(StoreException.class).hasMessageContaining("not supported");
    }
}
