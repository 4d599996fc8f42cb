package io.skyx.node.encoding;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Locates ../shared/skycoin-vectors through the {@code skyx.shared.dir} system property. */
final class SharedVectors {
    private SharedVectors() {
    }

    static byte[] read(String relative) throws IOException {
        String shared = System.getProperty("skyx.shared.dir", "../../shared");
        Path dir = Path.of(shared, "skycoin-vectors");
        assumeTrue(Files.isDirectory(dir), dir + ": ../shared not found: skipping vector tests");
        return Files.readAllBytes(dir.resolve(relative));
    }
}
