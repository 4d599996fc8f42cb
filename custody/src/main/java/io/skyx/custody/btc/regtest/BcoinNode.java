package io.skyx.custody.btc.regtest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real Bitcoin full node in regtest on loopback: npm {@code bcoin@1.0.2} (pure JS), started as a child process
 * with free ports and stopped by {@link #close()}. The wrapper {@code regtest.js} also ends the node when this JVM
 * is gone (even after SIGKILL). Gotchas (stack-notes §1d): bcoin's regtest addresses use the old prefixes
 * ({@link BcoinAddresses}), segwit activates after about 432 blocks ({@link #activateSegwit()}), and bcoin ignores a
 * transaction pushed over P2P without an inv, so transactions are broadcast through RPC.
 */
public final class BcoinNode implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(BcoinNode.class);
    /** Blocks mined by {@link #activateSegwit()}: BIP9 activation on bcoin's regtest needs about 432. */
    public static final int SEGWIT_BLOCKS = 450;

    private final Process process;
    private final int p2pPort;
    private final BcoinRpc rpc;
    private final Path logFile;

    private BcoinNode(Process process, int p2pPort, BcoinRpc rpc, Path logFile) {
        this.process = process;
        this.p2pPort = p2pPort;
        this.rpc = rpc;
        this.logFile = logFile;
    }

    /**
     * A node already running on loopback, started by another process (a crash test keeps the chain alive across the
     * app's kill -9 this way); {@link #close()} leaves it running.
     *
     * @param p2pPort    its P2P port
     * @param rpcPort    its node HTTP (JSON-RPC) port
     * @param walletPort its wallet HTTP port
     * @param apiKey     its API key
     * @throws IllegalStateException when it does not answer
     */
    public static BcoinNode attach(int p2pPort, int rpcPort, int walletPort, String apiKey) {
        BcoinRpc rpc = new BcoinRpc(rpcPort, walletPort, apiKey);
        if (!rpc.ready() || !listening(p2pPort)) {
            throw new IllegalStateException("no bcoin node answers on 127.0.0.1 ports " + p2pPort + "/" + rpcPort);
        }
        LOG.info("attached to the bcoin regtest node on 127.0.0.1: p2p {}, rpc {}", p2pPort, rpcPort);
        return new BcoinNode(null, p2pPort, rpc, null);
    }

    /**
     * Starts a node and waits until its RPC answers.
     *
     * @param bcoinDir the directory holding {@code regtest.js} and {@code node_modules} (custody/bcoin)
     * @param dataDir  where the node writes its log (the chain itself is kept in memory)
     * @param nodeExecutable the node.js executable ("node")
     */
    public static BcoinNode start(Path bcoinDir, Path dataDir, String nodeExecutable, Duration timeout) {
        Path script = bcoinDir.toAbsolutePath().normalize().resolve("regtest.js");
        if (!Files.isRegularFile(script) || !Files.isDirectory(bcoinDir.resolve("node_modules/bcoin"))) {
            throw new IllegalStateException("no bcoin install in " + bcoinDir
                    + " (the custody build runs npm ci there; skyx.custody.btc.bcoin-dir points at it)");
        }
        IllegalStateException last = null;
        for (int attempt = 0; attempt < 3; attempt++) {
            try {
                return tryStart(script, dataDir.toAbsolutePath().normalize(), nodeExecutable, timeout);
            } catch (IllegalStateException e) {
                last = e;
                LOG.warn("bcoin did not start (attempt {}): {}", attempt + 1, e.getMessage());
            }
        }
        throw last;
    }

    private static BcoinNode tryStart(Path script, Path dataDir, String nodeExecutable, Duration timeout) {
        int[] ports = freePorts(3);
        String apiKey = java.util.HexFormat.of().formatHex(new java.security.SecureRandom().generateSeed(16));
        try {
            Files.createDirectories(dataDir);
            Path log = dataDir.resolve("bcoin-" + ports[0] + ".log");
            List<String> cmd = new ArrayList<>(List.of(nodeExecutable, script.toString(),
                    "--network=regtest", "--memory=true", "--prefix=" + dataDir,
                    "--host=127.0.0.1", "--port=" + ports[0], "--public-host=127.0.0.1",
                    "--http-host=127.0.0.1", "--http-port=" + ports[1],
                    "--wallet-http-host=127.0.0.1", "--wallet-http-port=" + ports[2],
                    "--api-key=" + apiKey, "--bip37=true", "--listen=true", "--workers=false",
                    "--log-console=false", "--log-file=false"));
            ProcessBuilder pb = new ProcessBuilder(cmd).directory(script.getParent().toFile())
                    .redirectErrorStream(true).redirectOutput(log.toFile());
            pb.environment().put("NODE_BACKEND", "js");
            pb.environment().put("SKYX_PARENT_PID", Long.toString(ProcessHandle.current().pid()));
            Process p = pb.start();
            BcoinRpc rpc = new BcoinRpc(ports[1], ports[2], apiKey);
            long deadline = System.nanoTime() + timeout.toNanos();
            while (true) {
                if (!p.isAlive()) {
                    throw new IllegalStateException("bcoin exited with " + p.exitValue() + ", log " + log + ": "
                            + tail(log));
                }
                // ready when both the RPC answers and the P2P listener accepts (it may open a moment later)
                if (rpc.ready() && listening(ports[0])) {
                    LOG.info("bcoin regtest node on 127.0.0.1: p2p {}, rpc {}, wallet {}", ports[0], ports[1], ports[2]);
                    return new BcoinNode(p, ports[0], rpc, log);
                }
                if (System.nanoTime() > deadline) {
                    p.destroyForcibly();
                    throw new IllegalStateException("bcoin did not answer within " + timeout + ", log " + log);
                }
                Thread.sleep(100);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting bcoin", e);
        }
    }

    private static boolean listening(int port) {
        try (java.net.Socket s = new java.net.Socket()) {
            s.connect(new InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static String tail(Path log) {
        try {
            String s = Files.readString(log);
            return s.length() > 2000 ? s.substring(s.length() - 2000) : s;
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private static int[] freePorts(int n) {
        List<ServerSocket> held = new ArrayList<>();
        try {
            int[] ports = new int[n];
            for (int i = 0; i < n; i++) {
                ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress());
                held.add(s);
                ports[i] = s.getLocalPort();
            }
            return ports;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            for (ServerSocket s : held) {
                try {
                    s.close();
                } catch (IOException ignored) {
                    // a port we only probed
                }
            }
        }
    }

    /** Mines {@link #SEGWIT_BLOCKS} blocks to the node's own wallet, so that segwit is active and it can pay. */
    public void activateSegwit() {
        int height = rpc.blockCount();
        if (height < SEGWIT_BLOCKS) {
            rpc.generateToAddress(SEGWIT_BLOCKS - height, rpc.walletNewAddress());
        }
    }

    /** The node's P2P endpoint on loopback. */
    public InetSocketAddress p2pAddress() {
        return new InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), p2pPort);
    }

    /** The node's RPC and wallet client. */
    public BcoinRpc rpc() {
        return rpc;
    }

    /** The node's log file (null for an attached node). */
    public Path logFile() {
        return logFile;
    }

    /** @return whether the node process still runs (an attached node: whether it answers) */
    public boolean isAlive() {
        return process == null ? rpc.ready() : process.isAlive();
    }

    /** Stops the node this started: SIGTERM, then SIGKILL after 10 s; an attached node keeps running. */
    @Override
    public void close() {
        if (process == null || !process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
