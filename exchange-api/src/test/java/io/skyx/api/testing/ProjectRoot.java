package io.skyx.api.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/** The project's root folder (the one with {@code mvnw}), for tests that read the sources or the scripts. */
public final class ProjectRoot {

    private ProjectRoot() {
    }

    /** The nearest folder upwards from the working directory that holds {@code mvnw}. */
    public static Path find() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("mvnw"))) {
                return dir;
            }
        }
        throw new IllegalStateException("no folder with mvnw above " + Path.of("").toAbsolutePath());
    }
}
