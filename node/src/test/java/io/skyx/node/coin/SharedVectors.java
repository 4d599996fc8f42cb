package io.skyx.node.coin;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Locates ../shared/skycoin-vectors (system property {@code skyx.shared.dir}) and reads JSON from it. */
public final class SharedVectors {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private SharedVectors() {
    }

    /** @return the skycoin-vectors directory; skips the calling test when ../shared is absent */
    public static Path dir() {
        Path shared = Path.of(System.getProperty("skyx.shared.dir", "../../shared"));
        assumeTrue(Files.isDirectory(shared), shared + " (../shared) not found: skipping vector tests");
        Path vectors = shared.resolve("skycoin-vectors");
        assumeTrue(Files.isDirectory(vectors), vectors + " not found: skipping vector tests");
        return vectors;
    }

    public static JsonNode json(String relative) {
        try {
            return JSON.readTree(Files.readString(dir().resolve(relative)));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + relative, e);
        }
    }

    public static JsonNode parse(String text) {
        return JSON.readTree(text);
    }
}
