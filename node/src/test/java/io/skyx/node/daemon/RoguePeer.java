package io.skyx.node.daemon;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.Optional;

/**
 * A hand-driven peer for tests: writes raw frames to a node and reads what it answers (20 s read timeout), from
 * 127.0.0.1 or another loopback source address.
 */
final class RoguePeer implements AutoCloseable {
    private final Socket socket;
    private final DataInputStream in;
    private final OutputStream out;

    RoguePeer(int port) throws IOException {
        this(port, "127.0.0.1");
    }

    /** Connects from {@code localIp} (any 127.x.y.z is a loopback source address on Linux). */
    RoguePeer(int port, String localIp) throws IOException {
        socket = new Socket();
        socket.bind(new InetSocketAddress(localIp, 0));
        socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
        socket.setSoTimeout(20_000);
        in = new DataInputStream(new BufferedInputStream(socket.getInputStream()));
        out = socket.getOutputStream();
    }

    /** An INTR for the chain of {@code genesis}, announcing listen port 7777 and user agent rogue:0.0.1. */
    static Message.Introduction introduction(io.skyx.node.chain.GenesisParams genesis) {
        IntroductionExtra x = new IntroductionExtra(genesis.blockchainPubKey().bytes(), 10, 32768, 3, "rogue:0.0.1",
                java.util.Optional.of(genesis.genesisBlock().hash().bytes()));
        return new Message.Introduction(12345, 7777, 2, x.encode());
    }

    void send(Message m) throws IOException {
        sendRaw(Frames.encode(m));
    }

    void sendRaw(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    /** @return the next message, or empty when the node closed the connection */
    Optional<Message> next() throws IOException, PeerError {
        return Frames.read(in, Frames.MAX_INCOMING);
    }

    /** Reads until a message of {@code type} arrives. */
    <T extends Message> T await(Class<T> type) throws IOException, PeerError {
        while (true) {
            Message m = next().orElseThrow(() -> new IOException("connection closed while waiting for " + type));
            if (type.isInstance(m)) {
                return type.cast(m);
            }
        }
    }

    /** Reads until the node disconnects; returns the DISC it sent first. */
    Message.Disconnect awaitDisconnect() throws IOException, PeerError {
        Message.Disconnect disc = await(Message.Disconnect.class);
        while (next().isPresent()) {
            continue;
        }
        return disc;
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
