package io.skyx.node.daemon;

import io.skyx.node.cipher.SHA256;
import io.skyx.node.coin.SignedBlock;
import io.skyx.node.coin.Transaction;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The daemon messages of Skycoin's P2P protocol (skycoin-protocol.md §9). Each record is one message body;
 * {@link MessageCodec} gives its size, encoding and decoding, {@link Frames} its length + ID framing.
 */
public sealed interface Message {

    /** @return this message's 4-character wire ID */
    MessageId id();

    /**
     * INTR: the first message on every connection.
     *
     * @param mirror          random u32 per process, detects self-connections
     * @param listenPort      the sender's P2P listening port
     * @param protocolVersion the sender's protocol version (2 today)
     * @param extra           the raw extra bytes (see {@link IntroductionExtra}); empty when absent
     */
    record Introduction(long mirror, int listenPort, int protocolVersion, byte[] extra) implements Message {
        public Introduction {
            if (mirror < 0 || mirror > 0xFFFF_FFFFL) {
                throw new IllegalArgumentException("mirror is u32");
            }
            if (listenPort < 0 || listenPort > 0xFFFF) {
                throw new IllegalArgumentException("listen port is u16");
            }
            extra = extra.clone();
        }

        @Override
        public byte[] extra() {
            return extra.clone();
        }

        @Override
        public MessageId id() {
            return MessageId.INTR;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Introduction x && mirror == x.mirror && listenPort == x.listenPort
                    && protocolVersion == x.protocolVersion && Arrays.equals(extra, x.extra);
        }

        @Override
        public int hashCode() {
            return Objects.hash(mirror, listenPort, protocolVersion, Arrays.hashCode(extra));
        }

        @Override
        public String toString() {
            return "INTR[mirror=" + mirror + ", port=" + listenPort + ", version=" + protocolVersion
                    + ", extra=" + extra.length + " bytes]";
        }
    }

    /** GETP: asks for peer addresses. */
    record GetPeers() implements Message {
        @Override
        public MessageId id() {
            return MessageId.GETP;
        }
    }

    /** GIVP: up to 512 IPv4 peer addresses. */
    record GivePeers(List<PeerAddress> peers) implements Message {
        public GivePeers {
            peers = List.copyOf(peers);
            if (peers.size() > MessageCodec.MAX_PEERS) {
                throw new IllegalArgumentException("at most " + MessageCodec.MAX_PEERS + " peers");
            }
        }

        @Override
        public MessageId id() {
            return MessageId.GIVP;
        }
    }

    /** PING: keepalive. */
    record Ping() implements Message {
        @Override
        public MessageId id() {
            return MessageId.PING;
        }
    }

    /** PONG: keepalive reply. */
    record Pong() implements Message {
        @Override
        public MessageId id() {
            return MessageId.PONG;
        }
    }

    /**
     * GETB: asks for blocks {@code lastBlock+1 …}.
     *
     * @param lastBlock       u64 seq of the requester's head
     * @param requestedBlocks u64 how many blocks it wants (served capped at 20)
     */
    record GetBlocks(long lastBlock, long requestedBlocks) implements Message {
        @Override
        public MessageId id() {
            return MessageId.GETB;
        }
    }

    /** GIVB: up to 128 signed blocks in ascending seq order. */
    record GiveBlocks(List<SignedBlock> blocks) implements Message {
        public GiveBlocks {
            blocks = List.copyOf(blocks);
            if (blocks.size() > MessageCodec.MAX_BLOCKS) {
                throw new IllegalArgumentException("at most " + MessageCodec.MAX_BLOCKS + " blocks");
            }
        }

        @Override
        public MessageId id() {
            return MessageId.GIVB;
        }
    }

    /** ANNB: the sender's head seq (u64). */
    record AnnounceBlocks(long maxBlockSeq) implements Message {
        @Override
        public MessageId id() {
            return MessageId.ANNB;
        }
    }

    /** GETT: asks for up to 256 transactions by txid. */
    record GetTxns(List<SHA256> txids) implements Message {
        public GetTxns {
            txids = checkedTxids(txids);
        }

        @Override
        public MessageId id() {
            return MessageId.GETT;
        }
    }

    /** GIVT: up to 256 transactions. */
    record GiveTxns(List<Transaction> transactions) implements Message {
        public GiveTxns {
            transactions = List.copyOf(transactions);
            if (transactions.size() > MessageCodec.MAX_TXNS) {
                throw new IllegalArgumentException("at most " + MessageCodec.MAX_TXNS + " transactions");
            }
        }

        @Override
        public MessageId id() {
            return MessageId.GIVT;
        }
    }

    /** ANNT: announces up to 256 txids. */
    record AnnounceTxns(List<SHA256> txids) implements Message {
        public AnnounceTxns {
            txids = checkedTxids(txids);
        }

        /** @return ANNT messages carrying {@code txids}, at most {@link MessageCodec#MAX_TXNS} each */
        static List<AnnounceTxns> chunks(List<SHA256> txids) {
            List<AnnounceTxns> out = new java.util.ArrayList<>();
            for (int i = 0; i < txids.size(); i += MessageCodec.MAX_TXNS) {
                out.add(new AnnounceTxns(txids.subList(i, Math.min(txids.size(), i + MessageCodec.MAX_TXNS))));
            }
            return out;
        }

        @Override
        public MessageId id() {
            return MessageId.ANNT;
        }
    }

    /**
     * DISC: the sender is about to close the connection.
     *
     * @param reasonCode u16 reason code, see {@link DisconnectReason}
     * @param reserved   reserved bytes (normally empty)
     */
    record Disconnect(int reasonCode, byte[] reserved) implements Message {
        public Disconnect {
            if (reasonCode < 0 || reasonCode > 0xFFFF) {
                throw new IllegalArgumentException("reason code is u16");
            }
            reserved = reserved.clone();
        }

        Disconnect(DisconnectReason reason) {
            this(reason.code(), new byte[0]);
        }

        @Override
        public byte[] reserved() {
            return reserved.clone();
        }

        @Override
        public MessageId id() {
            return MessageId.DISC;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Disconnect x && reasonCode == x.reasonCode && Arrays.equals(reserved, x.reserved);
        }

        @Override
        public int hashCode() {
            return reasonCode * 31 + Arrays.hashCode(reserved);
        }

        @Override
        public String toString() {
            return "DISC[" + DisconnectReason.fromCode(reasonCode).map(Enum::name).orElse("code " + reasonCode) + "]";
        }
    }

    private static <T> List<T> checkedTxids(List<T> txids) {
        List<T> copy = List.copyOf(txids);
        if (copy.size() > MessageCodec.MAX_TXNS) {
            throw new IllegalArgumentException("at most " + MessageCodec.MAX_TXNS + " txids");
        }
        return copy;
    }
}
