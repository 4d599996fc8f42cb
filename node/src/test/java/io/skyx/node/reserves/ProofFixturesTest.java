package io.skyx.node.reserves;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The proof files in src/test/resources/reserves are the ones the web UI's TypeScript verifier is tested with
 * (web-ui/test/por.test.ts): both verifiers must accept them against the same root and total.
 */
class ProofFixturesTest {
    private static String resource(String name) throws IOException {
        try (InputStream in = ProofFixturesTest.class.getResourceAsStream("/reserves/" + name)) {
            assertThat(in).as(name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void theSharedFixturesVerify() throws IOException {
        String[] root = resource("root.txt").trim().split(" ");
        SnapshotRef ref = new SnapshotRef("SKY", 3);
        ProofJson.read(resource("proof-alice.json")).verify(ref, "alice", 1_250_000_000L, root[0], Value128.parse(root[1]));
        ProofJson.read(resource("proof-dave.json")).verify(ref, "dave", Long.MAX_VALUE, root[0], Value128.parse(root[1]));
    }
}
