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
        properties = {"sightline.home=target/sightline-test-home", "sightline.demo=true",
                "spring.security.oauth2.resourceserver.jwt.public-key-location=file:target/test-jwt/public.pem",
                // One configured override, so the configuration path and rounding are exercised.
                "sightline.privacy.policies.HIGHLY_SENSITIVE.ANALYST_WITH_AGREEMENT=ROUND@lad/FORBIDDEN"})
@org.springframework.context.annotation.Import({StatementCounter.class, SettableClock.Configuration.class})
public abstract class SightlineTest {

    /** The key the tests' identity provider signs bearer tokens with; its public half configures the server. */
    protected static final java.security.KeyPair TOKEN_SIGNING_KEY;

    static {
        deleteRecursively(Path.of("target/sightline-test-home"));
        try {
            var generator = java.security.KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            TOKEN_SIGNING_KEY = generator.generateKeyPair();
            Files.createDirectories(Path.of("target/test-jwt"));
            String pem = "-----BEGIN PUBLIC KEY-----\n"
                    + java.util.Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(TOKEN_SIGNING_KEY.getPublic().getEncoded())
                    + "\n-----END PUBLIC KEY-----\n";
            Files.writeString(Path.of("target/test-jwt/public.pem"), pem);
        } catch (Exception e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    @LocalServerPort
    protected int port;

    /** The service's clock: tests that set it reset it in a finally block. */
    @org.springframework.beans.factory.annotation.Autowired
    protected SettableClock clock;

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

    /** Deletes a directory and everything in it (nothing when it does not exist). */
    public static void deleteRecursively(Path dir) {
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
