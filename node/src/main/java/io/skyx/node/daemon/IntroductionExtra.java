package io.skyx.node.daemon;

import io.skyx.node.encoding.DecodeException;
import io.skyx.node.encoding.Decoder;
import io.skyx.node.encoding.Encoder;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The "extra" of an INTR message (skycoin-protocol.md §9): the blockchain public key, the peer's transaction
 * verification parameters, its user agent and, optionally, its genesis block hash.
 *
 * @param blockchainPubkey    33-byte compressed public key of the block publisher
 * @param burnFactor          u32, at least 2 for a valid peer
 * @param maxTransactionSize  u32, at least 1024 for a valid peer
 * @param maxDropletPrecision u8, at most 6 for a valid peer
 * @param userAgent           ASCII user agent such as {@code skycoin:0.27.1}
 * @param genesisHash         the 32-byte genesis block hash, or empty
 */
public record IntroductionExtra(byte[] blockchainPubkey, long burnFactor, long maxTransactionSize,
                                int maxDropletPrecision, String userAgent, Optional<byte[]> genesisHash) {

    static final int PUBKEY_SIZE = 33;
    static final int MAX_USER_AGENT_LENGTH = 256;
    private static final Pattern USER_AGENT =
            Pattern.compile("^([A-Za-z0-9\\-_+]+):([0-9]+\\.[0-9]+\\.[0-9][A-Za-z0-9\\-.+]*)(\\([^()]*\\))?$");

    public IntroductionExtra {
        blockchainPubkey = blockchainPubkey.clone();
        if (blockchainPubkey.length != PUBKEY_SIZE) {
            throw new IllegalArgumentException("blockchain pubkey must be 33 bytes");
        }
        if (burnFactor < 0 || burnFactor > 0xFFFF_FFFFL || maxTransactionSize < 0 || maxTransactionSize > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("burn factor and max transaction size are u32");
        }
        if (maxDropletPrecision < 0 || maxDropletPrecision > 0xFF) {
            throw new IllegalArgumentException("max droplet precision is u8");
        }
        if (!StandardCharsets.US_ASCII.newEncoder().canEncode(userAgent) || userAgent.length() > MAX_USER_AGENT_LENGTH) {
            throw new IllegalArgumentException("user agent must be ASCII of at most 256 bytes");
        }
        genesisHash = genesisHash.map(byte[]::clone);
        if (genesisHash.isPresent() && genesisHash.get().length != 32) {
            throw new IllegalArgumentException("genesis hash must be 32 bytes");
        }
    }

    @Override
    public byte[] blockchainPubkey() {
        return blockchainPubkey.clone();
    }

    @Override
    public Optional<byte[]> genesisHash() {
        return genesisHash.map(byte[]::clone);
    }

    /** @return whether the user agent has Skycoin's {@code name:version(remark)} form */
    static boolean validUserAgent(String userAgent) {
        return USER_AGENT.matcher(userAgent).matches();
    }

    /** @return the encoded extra bytes (the payload of the INTR "Extra" byte slice) */
    byte[] encode() {
        byte[] ua = userAgent.getBytes(StandardCharsets.US_ASCII);
        Encoder e = new Encoder(PUBKEY_SIZE + 9 + 4 + ua.length + 32);
        e.fixed(blockchainPubkey).u32(burnFactor).u32(maxTransactionSize).u8(maxDropletPrecision).byteSlice(ua);
        genesisHash.ifPresent(e::fixed);
        return e.toByteArray();
    }

    /**
     * Parses and verifies the extra of a peer's introduction against this node's blockchain key, as Skycoin's
     * {@code IntroductionMessage.Verify} does.
     *
     * @throws PeerError with the disconnect reason Skycoin uses for the first failed check
     */
    static IntroductionExtra parseAndVerify(byte[] extra, byte[] expectedPubkey) throws PeerError {
        if (extra.length < PUBKEY_SIZE) {
            throw new PeerError(DisconnectReason.INVALID_EXTRA_DATA, "extra shorter than a public key");
        }
        if (!Arrays.equals(Arrays.copyOf(extra, PUBKEY_SIZE), expectedPubkey)) {
            throw new PeerError(DisconnectReason.BLOCKCHAIN_PUBKEY_MISMATCH, "peer follows another blockchain");
        }
        IntroductionExtra parsed = parse(extra);
        if (parsed.burnFactor < 2) {
            throw new PeerError(DisconnectReason.INVALID_BURN_FACTOR, "burn factor " + parsed.burnFactor);
        }
        if (parsed.maxTransactionSize < 1024) {
            throw new PeerError(DisconnectReason.INVALID_MAX_TRANSACTION_SIZE, "max txn size " + parsed.maxTransactionSize);
        }
        if (parsed.maxDropletPrecision > 6) {
            throw new PeerError(DisconnectReason.INVALID_MAX_DROPLET_PRECISION, "decimals " + parsed.maxDropletPrecision);
        }
        if (!validUserAgent(parsed.userAgent)) {
            throw new PeerError(DisconnectReason.INVALID_USER_AGENT, "bad user agent");
        }
        return parsed;
    }

    /** Decodes the extra's fields without checking their values against policy. */
    static IntroductionExtra parse(byte[] extra) throws PeerError {
        try {
            Decoder d = new Decoder(extra);
            byte[] pub = d.fixed(PUBKEY_SIZE);
            long burn = d.u32();
            long maxSize = d.u32();
            int decimals = d.u8();
            byte[] ua = d.byteSlice(MAX_USER_AGENT_LENGTH);
            for (byte b : ua) {
                if (b < 0x20 || b > 0x7E) {
                    throw new PeerError(DisconnectReason.INVALID_USER_AGENT, "user agent is not printable ASCII");
                }
            }
            Optional<byte[]> genesis = Optional.empty();
            if (d.remaining() >= 32) {
                genesis = Optional.of(d.fixed(32));
            }
            if (d.hasRemaining()) {
                throw new PeerError(DisconnectReason.INVALID_EXTRA_DATA, "trailing bytes after the genesis hash");
            }
            return new IntroductionExtra(pub, burn, maxSize, decimals, new String(ua, StandardCharsets.US_ASCII), genesis);
        } catch (DecodeException e) {
            throw new PeerError(DisconnectReason.INVALID_EXTRA_DATA, e.getMessage());
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IntroductionExtra x && Arrays.equals(blockchainPubkey, x.blockchainPubkey)
                && burnFactor == x.burnFactor && maxTransactionSize == x.maxTransactionSize
                && maxDropletPrecision == x.maxDropletPrecision && userAgent.equals(x.userAgent)
                && genesisHash.isPresent() == x.genesisHash.isPresent()
                && (genesisHash.isEmpty() || Arrays.equals(genesisHash.get(), x.genesisHash.get()));
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(blockchainPubkey) * 31 + userAgent.hashCode();
    }

    @Override
    public String toString() {
        HexFormat hex = HexFormat.of();
        return "IntroductionExtra[pubkey=" + hex.formatHex(blockchainPubkey) + ", burnFactor=" + burnFactor
                + ", maxTransactionSize=" + maxTransactionSize + ", maxDropletPrecision=" + maxDropletPrecision
                + ", userAgent=" + userAgent + ", genesis=" + genesisHash.map(hex::formatHex).orElse("-") + "]";
    }
}
