package io.skyx.node.daemon;

import io.skyx.node.coin.SignedBlock;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The GIVB answer to a GETB: at most {@link Daemon#BLOCKS_PER_REQUEST} blocks after the asked seq, within one frame. */
final class GiveBlocksReply {
    private GiveBlocksReply() {
    }

    static Optional<Message.GiveBlocks> of(DaemonBackend backend, Message.GetBlocks g) {
        long count = Long.compareUnsigned(g.requestedBlocks(), Daemon.BLOCKS_PER_REQUEST) > 0
                ? Daemon.BLOCKS_PER_REQUEST : g.requestedBlocks();
        if (count == 0) {
            return Optional.empty();
        }
        List<SignedBlock> blocks = new ArrayList<>(backend.blocksAfter(g.lastBlock(), (int) count));
        while (!blocks.isEmpty() && MessageCodec.size(new Message.GiveBlocks(blocks)) > Frames.MAX_OUTGOING) {
            blocks.removeLast();
        }
        return blocks.isEmpty() ? Optional.empty() : Optional.of(new Message.GiveBlocks(blocks));
    }
}
