package io.skyx.api.node;

import io.skyx.node.chain.GenesisParams;
import io.skyx.node.cipher.Address;
import io.skyx.node.cipher.Cipher;
import io.skyx.node.cipher.CipherException;
import io.skyx.node.cipher.PubKey;
import io.skyx.node.cipher.SecKey;
import io.skyx.node.cipher.Sig;
import io.skyx.node.coin.Genesis;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.Properties;

/**
 * The local private chain: on first start a random block-signing key and a random genesis-wallet key are created
 * (files readable by the owner only) and all 100M SKY go to the wallet key's address; later starts load them.
 */
final class PrivateChain {
    static final long COINS = 100_000_000_000_000L;
    /** The genesis wallet's key file in the data directory (all genesis coins; local test money only). */
    static final String GENESIS_WALLET_FILE = "genesis-wallet.key";

    private PrivateChain() {
    }

    record Loaded(GenesisParams genesis, SecKey blockKey) {
    }

    static Loaded loadOrCreate(Path dir, Path keyFile) throws IOException {
        Files.createDirectories(dir);
        Path genesisFile = dir.resolve("genesis.properties");
        Path walletFile = dir.resolve(GENESIS_WALLET_FILE);
        try {
            if (!Files.exists(keyFile)) {
                SecKey block = SecKey.random();
                SecKey wallet = SecKey.random();
                writeSecret(keyFile, block.revealHex());
                writeSecret(walletFile, wallet.revealHex());
                Address address = Address.fromSecKey(wallet);
                long time = Instant.now().getEpochSecond();
                Sig sig = Cipher.signHash(Genesis.block(address, COINS, time).header().hash(), block);
                Properties p = new Properties();
                p.setProperty("address", address.toString());
                p.setProperty("coins", Long.toString(COINS));
                p.setProperty("timestamp", Long.toString(time));
                p.setProperty("signature", sig.hex());
                p.setProperty("blockchain_pubkey", block.pubKey().hex());
                try (var w = Files.newBufferedWriter(genesisFile, StandardCharsets.UTF_8)) {
                    p.store(w, "SkyX local private chain genesis");
                }
            }
            SecKey block = SecKey.fromHex(Files.readString(keyFile, StandardCharsets.US_ASCII).strip());
            GenesisParams g = loadGenesis(genesisFile);
            if (!block.pubKey().equals(g.blockchainPubKey())) {
                throw new IOException(keyFile + " does not hold the private chain's block key");
            }
            return new Loaded(g, block);
        } catch (CipherException | NumberFormatException e) {
            throw new IOException("private chain files in " + dir + " are invalid: " + e.getMessage(), e);
        }
    }

    /** Reads a genesis.properties written by {@link #loadOrCreate} (for followers of that private chain). */
    static GenesisParams loadGenesis(Path file) throws IOException {
        Properties p = new Properties();
        try (var r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        }
        try {
            GenesisParams g = new GenesisParams(Address.parse(p.getProperty("address", "")),
                    Long.parseLong(p.getProperty("coins", "")), Long.parseLong(p.getProperty("timestamp", "")),
                    Sig.fromHex(p.getProperty("signature", "")), PubKey.fromHex(p.getProperty("blockchain_pubkey", "")));
            if (!Cipher.verifyPubKeySignedHash(g.blockchainPubKey(), g.signature(), g.genesisBlock().hash()).ok()) {
                throw new IOException(file + ": genesis signature does not verify");
            }
            return g;
        } catch (CipherException | IllegalArgumentException e) {
            throw new IOException(file + " is not a valid genesis file: " + e.getMessage(), e);
        }
    }

    private static void writeSecret(Path file, String hex) throws IOException {
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(file, hex + "\n", StandardCharsets.US_ASCII);
    }
}
