package io.skyx.node.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.skyx.node.chain.Chain;
import io.skyx.node.chain.GenesisParams;
import io.skyx.node.chain.MainnetBlocks;
import io.skyx.node.coin.SharedVectors;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

class VerifyChainCommandTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    @TempDir
    Path tmp;

    private int run(String... args) {
        return Main.run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private JsonNode output() {
        return SharedVectors.parse(out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void verifiesMainnetBlocks0To120() {
        String file = MainnetBlocks.file().toString();
        assertThat(run("verify-chain", "--blocks", file, "--genesis", "mainnet")).isZero();
        JsonNode j = output();
        Chain expected = Chain.fromGenesis(GenesisParams.MAINNET, true);
        // block 0 is the genesis block, which fromGenesis has already applied: the oracle applies blocks 1 to 120
        var blocks = MainnetBlocks.load();
        blocks.subList(1, blocks.size()).forEach(l -> expected.apply(l.block()));
        assertThat(j.get("head_seq").asLong()).isEqualTo(120);
        assertThat(j.get("head_hash").asString()).startsWith("644bd4cc");
        assertThat(j.get("unspents").asInt()).isEqualTo(expected.unspentCount());
        assertThat(j.get("ux_hash").asString()).isEqualTo(expected.uxHash().hex());
    }

    /** Writes blocks 0..last as JSONL, letting {@code edit} change the raw bytes of one seq. */
    private Path file(int last, int editSeq, java.util.function.Consumer<byte[]> edit) throws IOException {
        List<String> lines = new ArrayList<>();
        for (MainnetBlocks.Line l : MainnetBlocks.load().subList(0, last + 1)) {
            byte[] raw = l.raw().clone();
            if (l.seq() == editSeq) {
                edit.accept(raw);
            }
            lines.add("{\"seq\": " + l.seq() + ", \"signed_block_hex\": \"" + HexFormat.of().formatHex(raw) + "\"}");
        }
        Path p = tmp.resolve("blocks.jsonl");
        Files.write(p, lines);
        return p;
    }

    private JsonNode failsWith(Path file, long seq, String rule) {
        return failsWith(file, seq, rule, seq - 1);
    }

    private JsonNode failsWith(Path file, long seq, String rule, long headSeq) {
        assertThat(run("verify-chain", "--blocks", file.toString(), "--genesis", "mainnet"))
                .isEqualTo(Subcommand.FAILED);
        JsonNode j = output();
        assertThat(j.get("error").get("seq").asLong()).isEqualTo(seq);
        assertThat(j.get("error").get("rule").asString()).isEqualTo(rule);
        assertThat(j.get("head_seq").asLong()).isEqualTo(headSeq);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("block " + seq + " rejected: " + rule);
        return j;
    }

    @Test
    void aForgedSignatureStopsAtThatBlock() throws IOException {
        failsWith(file(6, 3, raw -> raw[raw.length - 40] ^= 1), 3, "BAD_BLOCK_SIGNATURE");
    }

    @Test
    void anAlteredBodyStopsAtThatBlock() throws IOException {
        // the last byte before the signature is the high byte of the last output's hours
        failsWith(file(6, 5, raw -> raw[raw.length - 66] ^= 1), 5, "BODY_HASH_MISMATCH");
    }

    @Test
    void aMissingBlockIsABadSeq() throws IOException {
        List<MainnetBlocks.Line> all = MainnetBlocks.load();
        List<String> lines = new ArrayList<>();
        for (int i : new int[] {0, 1, 2, 4}) {
            lines.add("{\"signed_block_hex\": \"" + HexFormat.of().formatHex(all.get(i).raw()) + "\"}");
        }
        Path p = tmp.resolve("gap.jsonl");
        Files.write(p, lines);
        failsWith(p, 4, "BAD_SEQ", 2);
    }

    @Test
    void aForeignGenesisIsRefused() throws IOException {
        // change the genesis timestamp (header bytes 4..11)
        assertThat(run("verify-chain", "--blocks", file(2, 0, raw -> raw[4] ^= 1).toString(), "--genesis",
                "mainnet")).isEqualTo(Subcommand.FAILED);
        assertThat(output().get("error").get("rule").asString()).isEqualTo("GENESIS_MISMATCH");
    }

    @Test
    void listedHashMustMatch() throws IOException {
        Path p = tmp.resolve("hash.jsonl");
        Files.writeString(p, "{\"hash\": \"00\", \"signed_block_hex\": \""
                + HexFormat.of().formatHex(MainnetBlocks.load().get(1).raw()) + "\"}\n");
        assertThat(run("verify-chain", "--blocks", p.toString(), "--genesis", "mainnet"))
                .isEqualTo(Subcommand.FAILED);
        assertThat(output().get("error").get("rule").asString()).isEqualTo("LISTED_HASH_MISMATCH");
    }

    @Test
    void undecodableBlockIsReported() throws IOException {
        Path p = tmp.resolve("short.jsonl");
        Files.writeString(p, "{\"seq\": 1, \"signed_block_hex\": \"00000000\"}\n");
        assertThat(run("verify-chain", "--blocks", p.toString(), "--genesis", "mainnet"))
                .isEqualTo(Subcommand.FAILED);
        assertThat(output().get("error").get("rule").asString()).isEqualTo("DECODE_SHORT_BUFFER");
    }

    @Test
    void usageErrors() throws IOException {
        assertThat(run("verify-chain", "--blocks", tmp.resolve("none").toString(), "--genesis", "mainnet"))
                .isEqualTo(Subcommand.USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("no such file");
        Path p = tmp.resolve("x.jsonl");
        Files.writeString(p, "not json\n");
        assertThat(run("verify-chain", "--blocks", p.toString(), "--genesis", "mainnet"))
                .isEqualTo(Subcommand.USAGE);
        assertThat(run("verify-chain", "--blocks", p.toString(), "--genesis", "testnet"))
                .isEqualTo(Subcommand.USAGE);
        assertThat(run("verify-chain", "--genesis", "mainnet")).isEqualTo(Subcommand.USAGE);
        assertThat(out.size()).isZero();
    }
}
