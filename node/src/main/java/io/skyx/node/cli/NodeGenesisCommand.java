package io.skyx.node.cli;

import io.skyx.node.chain.GenesisParams;
import io.skyx.node.cipher.Address;
import io.skyx.node.cipher.Cipher;
import io.skyx.node.cipher.CipherException;
import io.skyx.node.cipher.SecKey;
import io.skyx.node.coin.Genesis;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * {@code skycoin node genesis}: creates a private chain: a new block-signing key file (mode 600) and the genesis
 * JSON for {@code skycoin node --genesis FILE}, with all coins in one output to {@code --address}.
 */
final class NodeGenesisCommand implements Subcommand {
    @Override
    public String usage() {
        return "node genesis --key-file NEW_FILE --out GENESIS.json --address ADDR [--coins DROPLETS (1e14)]"
                + " [--timestamp UNIX (now)]";
    }

    @Override
    public int run(List<String> argv, PrintStream out, PrintStream err) throws UsageException {
        Args a = Args.parse(argv, Set.of("key-file", "out", "address", "coins", "timestamp"), Set.of());
        Address address;
        try {
            address = Address.parse(a.required("address"));
        } catch (CipherException e) {
            throw new UsageException("invalid --address: " + e.getMessage());
        }
        long coins = a.longValue("coins", 100_000_000_000_000L, 1, Long.MAX_VALUE);
        long time = a.longValue("timestamp", Instant.now().getEpochSecond(), 1, Long.MAX_VALUE);
        Path keyFile = Path.of(a.required("key-file"));
        Path outFile = Path.of(a.required("out"));
        SecKey key = SecKey.random();
        var block = Genesis.block(address, coins, time);
        GenesisParams p = new GenesisParams(address, coins, time, Cipher.signHash(block.header().hash(), key), key.pubKey());
        try {
            Files.createFile(keyFile, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(keyFile, key.revealHex() + "\n", StandardCharsets.US_ASCII);
            Files.writeString(outFile, NodeGenesisFile.toJson(p));
        } catch (FileAlreadyExistsException e) {
            err.println("skycoin node genesis: " + keyFile + " already exists; refusing to overwrite a key");
            return FAILED;
        } catch (IOException | UnsupportedOperationException e) {
            err.println("skycoin node genesis: " + e.getMessage());
            return FAILED;
        }
        out.println("blockchain pubkey " + p.blockchainPubKey().hex() + ", genesis block " + p.genesisBlock().hash());
        return OK;
    }
}
