package io.skyx.node.reserves;

import static org.assertj.core.api.Assertions.assertThat;

import io.skyx.node.cli.Main;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command-line verifier agrees with the library on good, tampered and foreign proofs. */
class VerifyReservesCommandTest {
    @TempDir
    Path dir;

    private record Run(int code, String out, String err) {
    }

    private static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void verifiesAProofFileAgainstThePublishedRoot() throws Exception {
        SnapshotRef ref = new SnapshotRef("BTC", 12);
        LiabilityTree tree = LiabilityTree.build(ref, List.of(new LiabilityTree.Account("alice", 1500),
                new LiabilityTree.Account("bob", 20), new LiabilityTree.Account("carol", 0)), Fixtures.salts("k"));
        Path proof = dir.resolve("alice.json");
        Files.writeString(proof, ProofJson.write(tree.proof("alice")));

        Run ok = run("verify-reserves", "--proof", proof.toString(), "--root", tree.rootHash(), "--total", "1520",
                "--account", "alice", "--balance", "1500");
        assertThat(ok.code()).isZero();
        assertThat(ok.out()).startsWith("OK BTC snapshot 12 account alice balance 1500");

        Run wrongBalance = run("verify-reserves", "--proof", proof.toString(), "--root", tree.rootHash(),
                "--balance", "1499");
        assertThat(wrongBalance.code()).isEqualTo(1);
        assertThat(wrongBalance.out()).startsWith("FAILED WRONG_BALANCE");

        Run otherRoot = run("verify-reserves", "--proof", proof.toString(), "--root", "00".repeat(32));
        assertThat(otherRoot.code()).isEqualTo(1);
        assertThat(otherRoot.out()).startsWith("FAILED ROOT_MISMATCH");

        Run otherSnapshot = run("verify-reserves", "--proof", proof.toString(), "--root", tree.rootHash(),
                "--asset", "BTC", "--snapshot", "11");
        assertThat(otherSnapshot.out()).startsWith("FAILED WRONG_SNAPSHOT");

        Path broken = dir.resolve("broken.json");
        Files.writeString(broken, "{\"version\":1}");
        Run malformed = run("verify-reserves", "--proof", broken.toString(), "--root", tree.rootHash());
        assertThat(malformed.code()).isEqualTo(1);
        assertThat(malformed.out()).startsWith("FAILED MALFORMED");

        assertThat(run("verify-reserves", "--root", tree.rootHash()).code()).isEqualTo(2);
    }
}
