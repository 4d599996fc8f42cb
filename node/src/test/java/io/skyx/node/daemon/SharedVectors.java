package io.skyx.node.daemon;

import org.junit.jupiter.api.Assumptions;

import java.nio.file.Files;
import java.nio.file.Path;

/** Locates ../shared/skycoin-vectors for tests, skipping them when it is absent. */
final class SharedVectors {
    private SharedVectors() {
    }

    static Path dir(String sub) {
        Path shared = Path.of(System.getProperty("skyx.shared.dir", "../../shared"));
        Assumptions.assumeTrue(Files.isDirectory(shared), shared + " (…/shared) not found: skipping vector tests");
        return shared.resolve("skycoin-vectors").resolve(sub);
    }
}
