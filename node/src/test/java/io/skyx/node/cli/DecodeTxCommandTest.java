package io.skyx.node.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.skyx.node.coin.SharedVectors;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class DecodeTxCommandTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return Main.run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private static String block101Hex() {
        return SharedVectors.json("api/transaction-encoded-block-101.golden").get("encoded_transaction").asString();
    }

    @Test
    void decodesATransactionOfBlock101() {
        assertThat(run("decode-tx", block101Hex())).isZero();
        JsonNode j = SharedVectors.parse(out.toString(StandardCharsets.UTF_8));
        JsonNode golden = SharedVectors.json("api/transaction-verbose-block-101.golden").get("txn");
        assertThat(j.get("txid").asString()).isEqualTo(golden.get("txid").asString());
        assertThat(j.get("inner_hash").asString()).isEqualTo(golden.get("inner_hash").asString());
        assertThat(j.get("computed_inner_hash").asString()).isEqualTo(golden.get("inner_hash").asString());
        assertThat(j.get("length").asLong()).isEqualTo(183);
        assertThat(j.get("inputs").get(0).asString()).isEqualTo(golden.get("inputs").get(0).get("uxid").asString());
        JsonNode sig = j.get("signatures").get(0);
        assertThat(sig.get("sig").asString()).isEqualTo(golden.get("sigs").get(0).asString());
        // the signature recovers to the owner of the spent output
        assertThat(sig.get("recovered_address").asString())
                .isEqualTo(golden.get("inputs").get(0).get("owner").asString());
        JsonNode o = j.get("outputs").get(0);
        JsonNode go = golden.get("outputs").get(0);
        assertThat(o.get("uxid").asString()).isEqualTo(go.get("uxid").asString());
        assertThat(o.get("address").asString()).isEqualTo(go.get("dst").asString());
        assertThat(o.get("coins").asString()).isEqualTo(go.get("coins").asString());
        assertThat(o.get("droplets").asLong()).isEqualTo(27_000_000_000L);
        assertThat(o.get("hours").asLong()).isEqualTo(go.get("hours").asLong());
        assertThat(j.get("structure").asString()).isEqualTo("OK");
    }

    @Test
    void badInputIsAClearUsageError() {
        assertThat(run("decode-tx", "zz")).isEqualTo(Subcommand.USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("not hexadecimal");
        String hex = block101Hex();
        err.reset();
        assertThat(run("decode-tx", hex.substring(0, hex.length() - 2))).isEqualTo(Subcommand.USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("SHORT_BUFFER");
        err.reset();
        assertThat(run("decode-tx", hex + "00")).isEqualTo(Subcommand.USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("TRAILING_BYTES");
        assertThat(run("decode-tx")).isEqualTo(Subcommand.USAGE);
        assertThat(out.size()).isZero();
    }
}
