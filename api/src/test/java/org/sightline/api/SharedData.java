package org.sightline.api;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds the real ONS reference data ({@code ../shared/data}) that some tests read. The files are
 * never copied into the repository. Looked up from {@code SIGHTLINE_SHARED_DATA}, else from the
 * working directory upwards; tests that need it are skipped, with a message, when it is absent.
 */
public final class SharedData {

    private SharedData() {
    }

    /** The data directory, or a skipped test (JUnit assumption) saying why. */
    public static Path require() {
        Path found = locate();
        assumeTrue(found != null, "Skipped: real ONS data not found. Set SIGHTLINE_SHARED_DATA to the shared/data "
                + "folder (with ons/ and imd2019/) or check it out beside the repository as ../shared/data.");
        return found;
    }

    static Path locate() {
        String configured = System.getenv("SIGHTLINE_SHARED_DATA");
        if (configured != null && !configured.isBlank()) {
            Path path = Path.of(configured);
            return Files.isDirectory(path.resolve("ons")) ? path : null;
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared").resolve("data");
            if (Files.isDirectory(candidate.resolve("ons")) && Files.isDirectory(candidate.resolve("imd2019"))) {
                return candidate;
            }
        }
        return null;
    }
}
