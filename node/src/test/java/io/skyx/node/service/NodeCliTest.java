package io.skyx.node.service;

import io.skyx.node.cipher.Address;
import io.skyx.node.cipher.SecKey;
import io.skyx.node.cli.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code skycoin node} and {@code skycoin node genesis} through the CLI dispatcher. */
class NodeCliTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        out.reset();
        err.reset();
        return Main.run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void importsMainnetAndExits(@TempDir Path dir) {
        Path file = MainnetImportTest.mainnetFile();
        assertThat(run("node", "--data-dir", dir.toString(), "--mode", "follower", "--genesis", "mainnet",
                "--import", file.toString(), "--exit-after-import")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("applied 120").contains("head 120");
        assertThat(run("node", "--data-dir", dir.toString(), "--mode", "follower", "--genesis", "mainnet",
                "--exit-after-import")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("at head 120");
    }

    @Test
    void createsAPrivateChainAndOpensItAsPublisher(@TempDir Path dir) throws Exception {
        String addr = Address.fromSecKey(SecKey.random()).toString();
        Path key = dir.resolve("chain.key");
        Path genesis = dir.resolve("genesis.json");
        assertThat(run("node", "genesis", "--key-file", key.toString(), "--out", genesis.toString(),
                "--address", addr, "--coins", "1000000000", "--timestamp", "1700000000")).isZero();
        assertThat(Files.readString(genesis)).contains(addr).contains("\"coins\" : 1000000000");
        assertThat(Files.getPosixFilePermissions(key).toString()).isEqualTo("[OWNER_READ, OWNER_WRITE]");
        assertThat(run("node", "genesis", "--key-file", key.toString(), "--out", genesis.toString(),
                "--address", addr)).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("refusing to overwrite");
        assertThat(run("node", "--data-dir", dir.resolve("db").toString(), "--mode", "publisher", "--genesis",
                genesis.toString(), "--key-file", key.toString(), "--exit-after-import")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("at head 0");
    }

    @Test
    void badArgumentsAreUsageErrors(@TempDir Path dir) throws Exception {
        String d = dir.toString();
        assertThat(run("node", "--data-dir", d, "--mode", "miner", "--genesis", "mainnet")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--mode must be publisher or follower");
        assertThat(run("node", "--data-dir", d, "--mode", "publisher", "--genesis", "mainnet")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--key-file is required");
        Path key = dir.resolve("k");
        Files.writeString(key, SecKey.random().revealHex());
        assertThat(run("node", "--data-dir", d, "--mode", "publisher", "--genesis", "mainnet", "--key-file",
                key.toString())).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("does not hold the genesis blockchain key");
        assertThat(run("node", "--data-dir", d, "--mode", "follower", "--genesis", "mainnet", "--peers", "nohost")).isEqualTo(2);
        Path badGenesis = dir.resolve("g.json");
        Files.writeString(badGenesis, "{\"address\": 5}");
        assertThat(run("node", "--data-dir", d, "--mode", "follower", "--genesis", badGenesis.toString())).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("genesis file");
        assertThat(Files.exists(dir.resolve("CURRENT"))).isFalse();
    }
}
