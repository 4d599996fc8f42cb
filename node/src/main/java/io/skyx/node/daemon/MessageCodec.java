package io.skyx.node.daemon;

import io.skyx.node.encoding.DecodeException;
import io.skyx.node.encoding.Decoder;
import io.skyx.node.encoding.Encoder;

/**
 * Size, encoding and decoding of daemon message bodies (without the frame's length and ID), with Skycoin's
 * per-field maximum lengths.
 */
final class MessageCodec {
    static final int MAX_PEERS = 512;
    static final int MAX_BLOCKS = 128;
    static final int MAX_TXNS = 256;
    private static final int PEER_SIZE = 6;
    private static final int HASH_SIZE = 32;

    private MessageCodec() {
    }

    static int size(Message m) {
        return switch (m) {
            case Message.Introduction i -> 4 + 2 + 4 + (i.extra().length == 0 ? 0 : Encoder.byteSliceSize(i.extra().length));
            case Message.GetPeers g -> 0;
            case Message.GivePeers g -> Encoder.sliceSize(g.peers().size(), PEER_SIZE);
            case Message.Ping p -> 0;
            case Message.Pong p -> 0;
            case Message.GetBlocks g -> 16;
            case Message.GiveBlocks g -> 4 + g.blocks().stream().mapToInt(ChainCodecs::signedBlockSize).sum();
            case Message.AnnounceBlocks a -> 8;
            case Message.GetTxns g -> Encoder.sliceSize(g.txids().size(), HASH_SIZE);
            case Message.GiveTxns g -> 4 + g.transactions().stream().mapToInt(ChainCodecs::transactionSize).sum();
            case Message.AnnounceTxns a -> Encoder.sliceSize(a.txids().size(), HASH_SIZE);
            case Message.Disconnect d -> 2 + Encoder.byteSliceSize(d.reserved().length);
        };
    }

    static byte[] encode(Message m) {
        Encoder e = new Encoder(size(m));
        encode(m, e);
        return e.toByteArray();
    }

    static void encode(Message m, Encoder e) {
        switch (m) {
            case Message.Introduction i -> {
                e.u32(i.mirror()).u16(i.listenPort()).i32(i.protocolVersion());
                byte[] extra = i.extra();
                if (extra.length > 0) {
                    e.byteSlice(extra);
                }
            }
            case Message.GetPeers g -> { }
            case Message.GivePeers g -> e.slice(g.peers(), (p, enc) -> enc.u32(p.ip()).u16(p.port()));
            case Message.Ping p -> { }
            case Message.Pong p -> { }
            case Message.GetBlocks g -> e.u64(g.lastBlock()).u64(g.requestedBlocks());
            case Message.GiveBlocks g -> e.slice(g.blocks(), ChainCodecs::encodeSignedBlock);
            case Message.AnnounceBlocks a -> e.u64(a.maxBlockSeq());
            case Message.GetTxns g -> e.slice(g.txids(), ChainCodecs::encodeHash);
            case Message.GiveTxns g -> e.slice(g.transactions(), ChainCodecs::encodeTransaction);
            case Message.AnnounceTxns a -> e.slice(a.txids(), ChainCodecs::encodeHash);
            case Message.Disconnect d -> e.u16(d.reasonCode()).byteSlice(d.reserved());
        }
    }

    /**
     * Decodes one message body of type {@code id}; the decoder must be positioned at the body's start. Leftover
     * bytes are left for the caller to detect.
     */
    static Message decode(MessageId id, Decoder d) throws DecodeException {
        return switch (id) {
            case INTR -> {
                long mirror = d.u32();
                int port = d.u16();
                int version = d.i32();
                byte[] extra = d.hasRemaining() ? d.byteSlice(Decoder.UNLIMITED) : new byte[0];
                yield new Message.Introduction(mirror, port, version, extra);
            }
            case GETP -> new Message.GetPeers();
            case GIVP -> new Message.GivePeers(d.slice(MAX_PEERS, PEER_SIZE, dd -> new PeerAddress(dd.u32(), dd.u16())));
            case PING -> new Message.Ping();
            case PONG -> new Message.Pong();
            case GETB -> new Message.GetBlocks(d.u64(), d.u64());
            case GIVB -> new Message.GiveBlocks(d.slice(MAX_BLOCKS, ChainCodecs.MIN_SIGNED_BLOCK_SIZE,
                    ChainCodecs::decodeSignedBlock));
            case ANNB -> new Message.AnnounceBlocks(d.u64());
            case GETT -> new Message.GetTxns(d.slice(MAX_TXNS, HASH_SIZE, ChainCodecs::decodeHash));
            case GIVT -> new Message.GiveTxns(d.slice(MAX_TXNS, ChainCodecs.MIN_TRANSACTION_SIZE,
                    ChainCodecs::decodeTransaction));
            case ANNT -> new Message.AnnounceTxns(d.slice(MAX_TXNS, HASH_SIZE, ChainCodecs::decodeHash));
            case DISC -> new Message.Disconnect(d.u16(), d.byteSlice(Decoder.UNLIMITED));
        };
    }
}
