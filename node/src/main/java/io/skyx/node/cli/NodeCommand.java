package io.skyx.node.cli;

import io.skyx.node.api.ApiServer;
import io.skyx.node.api.SkycoinApi;
import io.skyx.node.chain.GenesisParams;
import io.skyx.node.cipher.SecKey;
import io.skyx.node.service.BlockImport;
import io.skyx.node.service.NodeConfig;
import io.skyx.node.service.SkycoinNode;
import io.skyx.node.store.StoreException;

import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;

/**
 * {@code skycoin node}: runs a Skycoin node standalone: chain store in {@code --data-dir}, P2P on
 * {@code --p2p-port} (serving peers and syncing from {@code --peers}), the Skycoin REST API on
 * {@code --api-port}; as the publisher of a private chain it also creates blocks.
 */
final class NodeCommand implements Subcommand {
    static final Set<String> VALUES = Set.of("data-dir", "mode", "genesis", "import", "peers", "p2p-port",
            "api-port", "key-file", "block-interval", "bind");
    static final Set<String> FLAGS = Set.of("exit-after-import", "disable-pex");

    @Override
    public String usage() {
        return "node genesis ... (create a private chain: key file + genesis JSON; see node genesis --help)\n"
                + "  skycoin node --data-dir DIR --mode publisher|follower --genesis mainnet|FILE [--key-file FILE (publisher)]"
                + " [--import FILE] [--exit-after-import] [--peers HOST:PORT,...] [--p2p-port N (6000)]"
                + " [--api-port N (6420, 0 = off)] [--bind ADDR (127.0.0.1)] [--block-interval SECONDS (10)] [--disable-pex]";
    }

    @Override
    public int run(List<String> argv, PrintStream out, PrintStream err) throws UsageException {
        if (!argv.isEmpty() && argv.getFirst().equals("genesis")) {
            NodeGenesisCommand genesis = new NodeGenesisCommand();
            if (argv.contains("--help")) {
                out.println("usage: skycoin " + genesis.usage());
                return OK;
            }
            return genesis.run(argv.subList(1, argv.size()), out, err);
        }
        Args a = Args.parse(argv, VALUES, FLAGS);
        if (!a.positional().isEmpty()) {
            throw new UsageException("unexpected argument " + a.positional().getFirst());
        }
        NodeConfig cfg = config(a);
        CountDownLatch closed = new CountDownLatch(1);
        try {
            return serve(cfg, a, closed, out, err);
        } finally {
            closed.countDown();
        }
    }

    private static int serve(NodeConfig cfg, Args a, CountDownLatch closed, PrintStream out, PrintStream err)
            throws UsageException {
        try (SkycoinNode node = SkycoinNode.open(cfg)) {
            out.println("chain store " + cfg.dataDir() + " at head " + node.head().seq());
            if (a.value("import").isPresent()) {
                BlockImport.Result r = BlockImport.run(node, Path.of(a.value("import").get()), s -> { });
                out.println("import: applied " + r.applied() + ", skipped " + r.skipped() + ", head " + r.headSeq());
                if (!r.ok()) {
                    err.println("import stopped: " + r.error());
                    return FAILED;
                }
            }
            if (a.flag("exit-after-import")) {
                return OK;
            }
            node.start();
            int apiPort = (int) a.longValue("api-port", 6420, 0, 65535);
            String bind = a.value("bind").orElse("127.0.0.1");
            ApiServer api = apiPort == 0 ? null : new ApiServer(new SkycoinApi(node), new InetSocketAddress(bind, apiPort));
            out.println((cfg.publisher() ? "publisher" : "follower") + " running: p2p port "
                    + node.daemon().orElseThrow().port() + (api == null ? "" : ", REST API http://" + bind + ":" + api.port()));
            out.flush();
            CountDownLatch stop = new CountDownLatch(1);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                stop.countDown();
                try {
                    closed.await(10, java.util.concurrent.TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
            stop.await();
            if (api != null) {
                api.close();
            }
            return OK;
        } catch (StoreException | IOException e) {
            err.println("skycoin node: " + e.getMessage());
            return FAILED;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return FAILED;
        }
    }

    /** The node configuration the options describe; the P2P listener binds to {@code --bind}, as the REST API does. */
    static NodeConfig config(Args a) throws UsageException {
        Path dataDir = Path.of(a.required("data-dir"));
        String mode = a.required("mode");
        GenesisParams genesis = NodeGenesisFile.load(a.required("genesis"));
        Optional<SecKey> key = Optional.empty();
        if (mode.equals("publisher")) {
            key = Optional.of(NodeGenesisFile.loadKey(Path.of(a.required("key-file"))));
            if (!key.get().pubKey().equals(genesis.blockchainPubKey())) {
                throw new UsageException("the key file does not hold the genesis blockchain key");
            }
        } else if (!mode.equals("follower")) {
            throw new UsageException("--mode must be publisher or follower");
        } else if (a.value("key-file").isPresent()) {
            throw new UsageException("--key-file is only for --mode publisher");
        }
        int p2p = (int) a.longValue("p2p-port", 6000, 0, 65535);
        long interval = a.longValue("block-interval", 10, 1, 86400);
        List<InetSocketAddress> peers = new ArrayList<>();
        for (String peer : a.value("peers").map(s -> s.split(",")).orElse(new String[0])) {
            peers.add(peerAddress(peer.trim()));
        }
        String bind = a.value("bind").orElse("127.0.0.1");
        return new NodeConfig(dataDir, genesis, key, new InetSocketAddress(bind, p2p), peers, Duration.ofSeconds(interval),
                32768, Optional.empty(), 1024 * 1024, !a.flag("disable-pex"), NodeConfig.BLACKLIST_FOR);
    }

    static InetSocketAddress peerAddress(String s) throws UsageException {
        int colon = s.lastIndexOf(':');
        if (colon <= 0) {
            throw new UsageException("peer '" + s + "' must be HOST:PORT");
        }
        try {
            int port = Integer.parseInt(s.substring(colon + 1));
            if (port < 1 || port > 65535) {
                throw new NumberFormatException();
            }
            return new InetSocketAddress(s.substring(0, colon), port);
        } catch (NumberFormatException e) {
            throw new UsageException("peer '" + s + "' has an invalid port");
        }
    }
}
