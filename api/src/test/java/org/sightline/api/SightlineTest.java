package org.sightline.api;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Base of the tests that run the whole service on its embedded PostgreSQL with the demo data set.
 * All subclasses share one application context (and so one database), which starts once per
 * test run in a fresh directory.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"sightline.home=target/sightline-test-home", "sightline.demo=true"})
public abstract class SightlineTest {

    static {
        deleteRecursively(Path.of("target/sightline-test-home"));
    }

    @LocalServerPort
    protected int port;

    /** A PUBLIC caller. */
    protected Api api() {
        return new Api(port);
    }

    /** A caller with one of the demo keys of API.md: demo-partner, demo-analyst, demo-steward, demo-admin. */
    protected Api api(String apiKey) {
        return new Api(port, apiKey);
    }

    /** The demo operator, who may load geography and define indicators. */
    protected Api admin() {
        return api("demo-admin");
    }

    static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
