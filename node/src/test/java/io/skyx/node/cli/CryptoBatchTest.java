package io.skyx.node.cli;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code skycoin sign|verify|recover} and the {@code --batch} modes against Skycoin's cipher goldens: the golden
 * signatures verify line by line, our signatures verify and recover to the golden keys, addresses of secrets,
 * deterministic seeds and BIP32 paths equal the goldens, and bad lines answer an error without stopping the run.
 */
class CryptoBatchTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    static Path vectors() {
        Path dir = Path.of(System.getProperty("skyx.shared.dir", "../../shared"), "skycoin-vectors", "cipher");
        Assumptions.assumeTrue(Files.isDirectory(dir), dir + " not found");
        return dir;
    }

    static JsonNode golden(String name) throws Exception {
        return JSON.readTree(Files.readString(vectors().resolve(name)));
    }

    record Run(int code, List<String> lines, String err) {
    }

    static Run run(Subcommand cmd, List<String> args) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = cmd.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        String text = out.toString(StandardCharsets.UTF_8);
        List<String> lines = text.isEmpty() ? List.of() : List.of(text.split("\n"));
        return new Run(code, lines, err.toString(StandardCharsets.UTF_8));
    }

    static Run batch(String command, String input, String... extra) throws Exception {
        var in = new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8));
        Subcommand cmd = command.equals("address") ? new AddressCommand(in) : CryptoCommand.of(command, in);
        List<String> args = new ArrayList<>(List.of("--batch"));
        args.addAll(List.of(extra));
        return run(cmd, args);
    }

    @Test
    void goldenSignaturesVerifyAndRecoverInBatch() throws Exception {
        JsonNode hashes = golden("input-hashes.golden").get("hashes");
        StringBuilder verify = new StringBuilder();
        StringBuilder recover = new StringBuilder();
        List<String> publics = new ArrayList<>();
        for (String f : List.of("seed-0000.golden", "seed-0003.golden")) {
            for (JsonNode k : golden(f).get("keys")) {
                for (int j = 0; j < k.get("signatures").size(); j++) {
                    String sig = k.get("signatures").get(j).asString();
                    String h = hashes.get(j).asString();
                    verify.append(k.get("address").asString()).append(' ').append(sig).append(' ').append(h).append('\n');
                    verify.append(k.get("public").asString()).append(' ').append(sig).append(' ').append(h).append('\n');
                    recover.append(sig).append(' ').append(h).append('\n');
                    publics.add(k.get("public").asString());
                }
            }
        }
        Run v = batch("verify", verify.toString(), "--threads", "2");
        assertThat(v.code()).isZero();
        assertThat(v.lines()).hasSize(publics.size() * 2).allMatch("{\"valid\":true}"::equals);
        Run r = batch("recover", recover.toString());
        assertThat(r.code()).isZero();
        for (int i = 0; i < publics.size(); i++) {
            assertThat(JSON.readTree(r.lines().get(i)).get("public").asString()).isEqualTo(publics.get(i));
        }
    }

    @Test
    void ourSignaturesVerifyAndTamperingIsReported() throws Exception {
        JsonNode k = golden("seed-0001.golden").get("keys").get(0);
        JsonNode hashes = golden("input-hashes.golden").get("hashes");
        StringBuilder sign = new StringBuilder();
        for (JsonNode h : hashes) {
            sign.append(k.get("secret").asString()).append(' ').append(h.asString()).append('\n');
        }
        sign.append(k.get("secret").asString()).append(" payload 68656c6c6f\n");
        Run s = batch("sign", sign.toString());
        assertThat(s.code()).isZero();
        assertThat(s.lines()).hasSize(hashes.size() + 1);
        StringBuilder verify = new StringBuilder();
        for (String line : s.lines()) {
            JsonNode o = JSON.readTree(line);
            assertThat(o.get("public").asString()).isEqualTo(k.get("public").asString());
            verify.append(k.get("address").asString()).append(' ').append(o.get("sig").asString()).append(' ')
                    .append(o.get("hash").asString()).append('\n');
        }
        JsonNode first = JSON.readTree(s.lines().getFirst());
        String sig = first.get("sig").asString();
        String flipped = sig.substring(0, 10) + (sig.charAt(10) == '0' ? '1' : '0') + sig.substring(11);
        verify.append(k.get("address").asString()).append(' ').append(flipped).append(' ')
                .append(first.get("hash").asString()).append('\n');
        verify.append("\n");
        verify.append("not-an-address ").append(sig).append(' ').append(first.get("hash").asString()).append('\n');
        verify.append(k.get("address").asString()).append(" zz\n");
        Run v = batch("verify", verify.toString());
        assertThat(v.code()).isEqualTo(1);
        assertThat(v.lines()).hasSize(hashes.size() + 4);
        assertThat(v.lines().subList(0, hashes.size() + 1)).allMatch("{\"valid\":true}"::equals);
        assertThat(JSON.readTree(v.lines().get(hashes.size() + 1)).get("valid").asBoolean()).isFalse();
        JsonNode badAddr = JSON.readTree(v.lines().get(hashes.size() + 2));
        assertThat(badAddr.get("line").asInt()).isEqualTo(hashes.size() + 4);
        assertThat(badAddr.get("error").asString()).startsWith("invalid address");
        assertThat(JSON.readTree(v.lines().get(hashes.size() + 3)).get("error").asString()).contains("fields");
        assertThat(v.err()).contains("2 line(s) failed");
    }

    @Test
    void addressesOfSecretsSeedsAndBip32PathsEqualTheGoldens() throws Exception {
        JsonNode many = golden("many-addresses.golden");
        StringBuilder in = new StringBuilder();
        for (JsonNode k : many.get("keys")) {
            in.append(k.get("secret").asString()).append('\n');
        }
        JsonNode s0 = golden("seed-0000.golden");
        String seedHex = HexFormat.of().formatHex(Base64.getDecoder().decode(s0.get("seed").asString()));
        in.append("seed ").append(seedHex).append(" 10\n");
        JsonNode b = golden("seed-bip32-0000.golden");
        String bipSeed = HexFormat.of().formatHex(Base64.getDecoder().decode(b.get("seed").asString()));
        for (JsonNode k : b.get("keys")) {
            in.append("bip32 ").append(bipSeed).append(' ').append(k.get("path").asString()).append('\n');
        }
        in.append("pub ").append(many.get("keys").get(0).get("public").asString()).append('\n');
        Run r = batch("address", in.toString());
        assertThat(r.code()).as(r.err()).isZero();
        int i = 0;
        for (JsonNode k : many.get("keys")) {
            JsonNode o = JSON.readTree(r.lines().get(i++));
            assertThat(o.get("public").asString()).isEqualTo(k.get("public").asString());
            assertThat(o.get("address").asString()).isEqualTo(k.get("address").asString());
            assertThat(o.get("bitcoin_address").asString()).isEqualTo(k.get("bitcoin_address").asString());
        }
        JsonNode chain = JSON.readTree(r.lines().get(i++)).get("keys");
        assertThat(chain).hasSize(10);
        for (int j = 0; j < 10; j++) {
            assertThat(chain.get(j).get("secret").asString()).isEqualTo(s0.get("keys").get(j).get("secret").asString());
            assertThat(chain.get(j).get("address").asString()).isEqualTo(s0.get("keys").get(j).get("address").asString());
        }
        for (JsonNode k : b.get("keys")) {
            JsonNode o = JSON.readTree(r.lines().get(i++));
            assertThat(o.get("secret").asString()).isEqualTo(k.get("secret").asString());
            assertThat(o.get("address").asString()).isEqualTo(k.get("address").asString());
        }
        JsonNode pub = JSON.readTree(r.lines().get(i++));
        assertThat(pub.has("secret")).isFalse();
        assertThat(pub.get("address").asString()).isEqualTo(many.get("keys").get(0).get("address").asString());
        assertThat(r.lines()).hasSize(i);
    }

    @Test
    void singleShotSignVerifyRecover() throws Exception {
        JsonNode k = golden("seed-0002.golden").get("keys").get(3);
        String h = golden("input-hashes.golden").get("hashes").get(4).asString();
        Run s = run(CryptoCommand.sign(), List.of("--secret", k.get("secret").asString(), "--hash", h));
        assertThat(s.code()).isZero();
        String sig = JSON.readTree(s.lines().getFirst()).get("sig").asString();
        assertThat(sig).hasSize(130);
        assertThat(run(CryptoCommand.verify(), List.of("--sig", sig, "--hash", h, "--address",
                k.get("address").asString())).code()).isZero();
        assertThat(run(CryptoCommand.verify(), List.of("--sig", sig, "--hash", h, "--public",
                k.get("public").asString())).code()).isZero();
        Run wrong = run(CryptoCommand.verify(), List.of("--sig", sig, "--hash", h.replace('a', 'b'), "--address",
                k.get("address").asString()));
        assertThat(wrong.code()).isEqualTo(1);
        assertThat(wrong.lines().getFirst()).contains("\"valid\":false");
        Run rec = run(CryptoCommand.recover(), List.of("--sig", sig, "--hash", h));
        assertThat(JSON.readTree(rec.lines().getFirst()).get("address").asString()).isEqualTo(k.get("address").asString());
        assertThat(Main.run(List.of("sign", "--secret", "00", "--hash", h), new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(new ByteArrayOutputStream()))).isEqualTo(Subcommand.USAGE);
        assertThat(Main.run(List.of("verify", "--sig", sig, "--hash", h), new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(new ByteArrayOutputStream()))).isEqualTo(Subcommand.USAGE);
    }
}
