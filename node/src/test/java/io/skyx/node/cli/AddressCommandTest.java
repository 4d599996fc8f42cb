package io.skyx.node.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Runs {@code skycoin address} in-process on golden seeds and compares the JSON with the goldens. */
class AddressCommandTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    record Result(int code, String out, String err) {
        JsonNode json() {
            return JSON.readTree(out);
        }
    }

    static Result run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    static JsonNode golden(String name) throws Exception {
        Path dir = Path.of(System.getProperty("skyx.shared.dir", "../../shared"), "skycoin-vectors", "cipher");
        assumeTrue(Files.isDirectory(dir), dir + ": ../shared not found: skipping vector tests");
        return JSON.readTree(Files.readString(dir.resolve(name)));
    }

    private static void assertSameKeys(JsonNode actual, JsonNode goldenKeys, int count) {
        assertThat(actual.isArray()).isTrue();
        assertThat(actual.size()).isEqualTo(count);
        for (int i = 0; i < count; i++) {
            JsonNode row = actual.get(i);
            JsonNode expected = goldenKeys.get(i);
            assertThat(row.propertyNames()).containsExactly("secret", "public", "address", "bitcoin_address");
            for (String field : List.of("secret", "public", "address", "bitcoin_address")) {
                assertThat(row.get(field).asString()).as("key " + i + " " + field)
                        .isEqualTo(expected.get(field).asString());
            }
        }
    }

    @Test
    void deterministicChainFromSeedHexMatchesTheGolden() throws Exception {
        JsonNode golden = golden("seed-0002.golden");
        byte[] seed = Base64.getDecoder().decode(golden.get("seed").asString());
        Result r = run("address", "--seed-hex", HexFormat.of().formatHex(seed), "--count", "10");
        assertThat(r.code()).as(r.err()).isZero();
        assertSameKeys(r.json(), golden.get("keys"), 10);
    }

    @Test
    void deterministicChainFromSeedTextMatchesTheGolden() throws Exception {
        JsonNode golden = golden("seed-0000.golden");
        String text = new String(Base64.getDecoder().decode(golden.get("seed").asString()), StandardCharsets.UTF_8);
        Result r = run("address", "--seed", text, "--count=3");
        assertThat(r.code()).as(r.err()).isZero();
        assertSameKeys(r.json(), golden.get("keys"), 3);
    }

    @Test
    void bip44DerivationMatchesTheBip32Golden() throws Exception {
        JsonNode golden = golden("seed-bip32-0001.golden");
        assertThat(golden.get("base_path").asString()).isEqualTo("m/44'/0'/0'/0");
        byte[] seed = Base64.getDecoder().decode(golden.get("seed").asString());
        Result r = run("address", "--seed-hex", HexFormat.of().formatHex(seed), "--bip44", "--coin-type", "0",
                "--count", "5");
        assertThat(r.code()).as(r.err()).isZero();
        assertSameKeys(r.json(), golden.get("keys"), 5);
    }

    @Test
    void bip44FromAMnemonicUsesCoinType8000ByDefault() {
        String mnemonic = "abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about";
        Result byDefault = run("address", "--seed", mnemonic, "--bip44", "--count", "2");
        Result explicit = run("address", "--seed", mnemonic, "--bip44", "--coin-type", "8000", "--count", "2");
        Result bitcoin = run("address", "--seed", mnemonic, "--bip44", "--coin-type", "0", "--count", "2");
        Result deterministic = run("address", "--seed", mnemonic, "--count", "2");
        assertThat(byDefault.code()).as(byDefault.err()).isZero();
        assertThat(byDefault.out()).isEqualTo(explicit.out()).isNotEqualTo(bitcoin.out())
                .isNotEqualTo(deterministic.out());
        assertThat(byDefault.json().size()).isEqualTo(2);
    }

    @Test
    void badArgumentsExitWithUsageAndPrintNothingOnStdout() {
        String checksumBroken = "abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon "
                + "abandon abandon";
        List<List<String>> bad = List.of(
                List.of(),
                List.of("nosuchcommand"),
                List.of("address"),
                List.of("address", "--seed-hex", "abc"),
                List.of("address", "--seed-hex", "zz"),
                List.of("address", "--seed-hex", ""),
                List.of("address", "--seed-hex", "00", "--seed", "x"),
                List.of("address", "--seed", "x", "--count", "0"),
                List.of("address", "--seed", "x", "--count", "ten"),
                List.of("address", "--seed", "x", "--count"),
                List.of("address", "--seed", "x", "--frobnicate"),
                List.of("address", "--seed", "x", "--account", "1"),
                List.of("address", "--seed", "x", "extra"),
                List.of("address", "--seed", checksumBroken, "--bip44"),
                List.of("address", "--seed-hex", "00ff", "--bip44"),
                List.of("address", "--seed-hex", "00".repeat(16), "--bip44", "--passphrase", "p"),
                List.of("address", "--seed", "x", "--bip44", "--chain", "2"));
        for (List<String> args : bad) {
            Result r = run(args.toArray(String[]::new));
            assertThat(r.code()).as(args.toString()).isEqualTo(Subcommand.USAGE);
            assertThat(r.out()).as(args.toString()).isEmpty();
            assertThat(r.err()).as(args.toString()).contains("usage: skycoin");
        }
        Result checksum = run("address", "--seed", checksumBroken, "--bip44");
        assertThat(checksum.err()).contains("checksum").doesNotContain(checksumBroken);
    }

    @Test
    void helpListsTheSubcommands() {
        Result r = run("--help");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("skycoin address");
        assertThat(run("address", "--help").out()).contains("--seed-hex");
    }
}
