package io.skyx.custody.testing;

import io.skyx.custody.sky.KeyPayer;
import io.skyx.node.chain.GenesisParams;
import io.skyx.node.cipher.Address;
import io.skyx.node.cipher.Cipher;
import io.skyx.node.cipher.SecKey;
import io.skyx.node.coin.Genesis;
import io.skyx.node.service.NodeConfig;
import io.skyx.node.service.SkycoinNode;
import io.skyx.node.store.StoreException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A real embedded Skycoin node publishing a fresh private chain for a test class: 100M SKY in the genesis output
 * of a key outside custody, which pays deposits; blocks are made when the test asks ({@link #block()}), so depth
 * is exact.
 */
public final class SkyChain implements AutoCloseable {

    private final SkycoinNode node;
    private final SecKey genesisKey = SecKey.random();
    private final Address genesisAddress = Address.fromSecKey(genesisKey);
    private final KeyPayer genesis;

    private SkyChain() {
        try {
            SecKey blockKey = SecKey.random();
            long time = Instant.now().getEpochSecond() - 3600;
            long coins = 100_000_000_000_000L;
            GenesisParams g = new GenesisParams(genesisAddress, coins, time,
                    Cipher.signHash(Genesis.block(genesisAddress, coins, time).header().hash(), blockKey),
                    blockKey.pubKey());
            NodeConfig cfg = NodeConfig.publisher(Files.createTempDirectory("custody-sky"), g, blockKey,
                    new InetSocketAddress("127.0.0.1", 0), List.of()).withBlockInterval(Duration.ofDays(1));
            node = SkycoinNode.open(cfg);
            node.start();
            genesis = new KeyPayer(node, genesisKey);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (StoreException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A started node (the caller closes it). */
    public static SkyChain start() {
        return new SkyChain();
    }

    /** The node. */
    public SkycoinNode node() {
        return node;
    }

    /** Injects a payment from the genesis key (outside custody) to each address, without making a block. */
    public synchronized String pay(Map<Address, Long> payments) {
        return genesis.tryPay(payments).orElseThrow(() -> new IllegalStateException("the genesis output is pending"));
    }

    /** Pays one address and makes a block; returns the txid. */
    public String payAndBlock(String address, long droplets) {
        String txid = pay(Map.of(parse(address), droplets));
        block();
        return txid;
    }

    /** Makes one block from what is pending, adding a small payment to a fresh address if nothing is. */
    public synchronized void block() {
        if (node.pool().size() == 0) {
            pay(Map.of(Address.fromSecKey(SecKey.random()), 1000L));
        }
        try {
            node.createBlock().orElseThrow(() -> new IllegalStateException("no block was made"));
        } catch (StoreException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Makes {@code n} blocks. */
    public void blocks(int n) {
        for (int i = 0; i < n; i++) {
            block();
        }
    }

    /** Coins now unspent at {@code address}. */
    public long balance(String address) {
        return node.store().unspentsOf(parse(address)).stream().mapToLong(u -> u.body().coins()).sum();
    }

    /** Parses an address the test knows is valid. */
    public static Address parse(String address) {
        try {
            return Address.parse(address);
        } catch (io.skyx.node.cipher.CipherException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** A fresh address outside custody. */
    public static String outsideAddress() {
        return Address.fromSecKey(SecKey.random()).toString();
    }

    @Override
    public void close() {
        node.close();
    }
}
