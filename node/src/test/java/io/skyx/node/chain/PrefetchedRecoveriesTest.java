package io.skyx.node.chain;

import io.skyx.node.cipher.Address;
import io.skyx.node.cipher.SHA256;
import io.skyx.node.cipher.SecKey;
import io.skyx.node.coin.Recoveries;
import io.skyx.node.coin.SignedBlock;
import io.skyx.node.coin.Transaction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Recoveries prefetched in parallel leave every verdict unchanged, with or without candidate keys, right or wrong:
 * mainnet replays, a forged block is refused.
 */
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

    /** Replays mainnet 1..120 after prefetching with {@code hints}; a forged block signature is still refused. */
    private static void replayWith(Recoveries.Hints hints) {
        List<MainnetBlocks.Line> lines = MainnetBlocks.load();
        List<SignedBlock> blocks = lines.subList(1, lines.size()).stream().map(MainnetBlocks.Line::block).toList();
        SignedBlock forged = new SignedBlock(blocks.getFirst().block(), blocks.get(1).sig());
        Recoveries.prefetch(List.of(forged), hints);
        Recoveries.prefetch(blocks.subList(0, 60), hints);
        Recoveries.prefetch(blocks.subList(60, blocks.size()), hints);
        Chain chain = Chain.fromGenesis(GenesisParams.MAINNET, true);
        assertThat(chain.apply(forged).error()).isEqualTo(ChainError.BAD_BLOCK_SIGNATURE);
        for (SignedBlock b : blocks) {
            ApplyResult r = chain.apply(b);
            assertThat(r.ok()).as(r.describe()).isTrue();
        }
        assertThat(chain.headHash().hex()).startsWith("644bd4cc");
    }

    @Test
    void rightCandidatesReplayMainnet() {
        Chain owners = Chain.fromGenesis(GenesisParams.MAINNET, true);
        Recoveries.Hints hints = new Recoveries.Hints(GenesisParams.MAINNET.blockchainPubKey(),
                id -> owners.unspent(id).map(u -> u.body().address()));
        replayWith(hints);
    }

    @Test
    void wrongCandidatesChangeNoVerdict() throws Exception {
        SecKey stranger = SecKey.of(SHA256.sum(new byte[]{7}).bytes());
        Address strangers = Address.fromPubKey(stranger.pubKey());
        Recoveries.Hints wrong = new Recoveries.Hints(stranger.pubKey(), id -> Optional.of(strangers));
        replayWith(wrong);
    }

    @Test
    void aSignatureByAnotherKeyOfAKnownOwnerIsStillRefused() {
        List<MainnetBlocks.Line> lines = MainnetBlocks.load();
        List<SignedBlock> blocks = lines.subList(1, lines.size()).stream().map(MainnetBlocks.Line::block).toList();
        Chain chain = Chain.fromGenesis(GenesisParams.MAINNET, true);
        Recoveries.prefetch(blocks, new Recoveries.Hints(GenesisParams.MAINNET.blockchainPubKey(),
                id -> chain.unspent(id).map(u -> u.body().address())));
        SignedBlock first = blocks.getFirst();
        Transaction t = first.block().body().transactions().getFirst();
        Transaction stolen = new Transaction(t.length(), t.type(), t.innerHash(),
                List.of(blocks.get(1).block().body().transactions().getFirst().sigs().getFirst()), t.inputs(),
                t.outputs());
        assertThat(chain.verifyTransaction(stolen, io.skyx.node.coin.TransactionRules.SoftParams.DEFAULTS).ok())
                .isFalse();
    }
}
