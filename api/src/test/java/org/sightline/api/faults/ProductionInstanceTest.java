package org.sightline.api.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A deployment outside the demo, on its own embedded database (its own SIGHTLINE_HOME, no demo
 * data, so the shared test context is never paused): the database paused gives 503 within a few
 * seconds and readiness DOWN while liveness stays UP, and the server answers again unaided once it
 * resumes; metrics are refused to anonymous callers; CORS answers the configured origin only; the
 * security headers are set; the exposure switches hide what they switch off. The context is closed
 * after the class.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "sightline.home=target/production-instance-home", "sightline.demo=false", "sightline.bootstrap-admin-key=prod-admin",
        "sightline.cors.allowed-origins=https://dashboard.example.org", "sightline.exposure.metrics-token=scrape-secret",
        "sightline.exposure.schema=false", "sightline.exposure.introspection=false"})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class ProductionInstanceTest {

    static final Path HOME = Path.of("target/production-instance-home");
    static final JsonMapper JSON = JsonMapper.builder().build();
    static final String QUESTION = "{\"query\":\"{ areas(search: \\\"Nowhere\\\") { totalCount } }\"}";

    static {
        // A fresh directory per run (a previous run's database would be reused otherwise).
        org.sightline.api.SightlineTest.deleteRecursively(HOME);
    }

    @LocalServerPort
    int port;

    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void aPausedDatabaseGives503QuicklyAndReadinessDownThenTheServerRecoversUnaided() throws Exception {
        assertThat(send(question()).statusCode()).isEqualTo(200);
        assertThat(send(get("/actuator/health/readiness")).statusCode()).isEqualTo(200);

        List<Long> postgres = postgresProcesses();
        signal("STOP", postgres);
        try {
            // Past Hikari's 500 ms window in which a pooled connection is handed out unchecked.
            Thread.sleep(1000);
            Instant asked = Instant.now();
            HttpResponse<String> refused = send(question());
            Duration took = Duration.between(asked, Instant.now());
            assertThat(refused.statusCode()).isEqualTo(503);
            assertThat(took).isLessThan(Duration.ofSeconds(10));
            assertThat(refused.headers().firstValue("Retry-After")).isPresent();
            assertThat(JSON.readTree(refused.body()).get("classification").asString()).isEqualTo("SERVICE_UNAVAILABLE");
            assertThat(refused.body()).doesNotContain("Exception").doesNotContain("org.");

            // The same inside GraphQL execution: a body with the word "mutation" skips the public
            // response cache's version lookup, so the data fetcher is the first to need the database.
            asked = Instant.now();
            HttpResponse<String> inGraphQl = send(HttpRequest.newBuilder(uri("/graphql")).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"query\":\"{ areas(search: \\\"mutation\\\") { totalCount } }\"}")));
            assertThat(Duration.between(asked, Instant.now())).isLessThan(Duration.ofSeconds(10));
            assertThat(inGraphQl.statusCode()).isEqualTo(503);
            assertThat(JSON.readTree(inGraphQl.body()).get("classification").asString()).isEqualTo("SERVICE_UNAVAILABLE");

            Instant checked = Instant.now();
            HttpResponse<String> readiness = send(get("/actuator/health/readiness"));
            assertThat(Duration.between(checked, Instant.now())).isLessThan(Duration.ofSeconds(10));
            assertThat(readiness.statusCode()).isEqualTo(503);
            assertThat(JSON.readTree(readiness.body()).get("status").asString()).isEqualTo("DOWN");
            HttpResponse<String> liveness = send(get("/actuator/health/liveness"));
            assertThat(liveness.statusCode()).isEqualTo(200);
            assertThat(JSON.readTree(liveness.body()).get("status").asString()).isEqualTo("UP");
        } finally {
            signal("CONT", postgres);
        }

        // Back without a restart: the pool replaces its dead connections on its own.
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        int status = 0;
        while (Instant.now().isBefore(deadline) && (status = send(question()).statusCode()) != 200) {
            Thread.sleep(250);
        }
        assertThat(status).isEqualTo(200);
        JsonNode answer = JSON.readTree(send(question()).body());
        assertThat(answer.get("data").get("areas").get("totalCount").asInt()).isZero();
        assertThat(send(get("/actuator/health/readiness")).statusCode()).isEqualTo(200);
    }

    @Test
    void metricsAreForAdminKeysAndTheScrapeTokenOnlyOutsideTheDemo() throws Exception {
        HttpResponse<String> anonymous = send(get("/actuator/prometheus"));
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.body()).doesNotContain("jvm_");

        assertThat(send(get("/actuator/prometheus").header("X-API-Key", "prod-admin")).statusCode()).isEqualTo(200);
        HttpResponse<String> scraped = send(get("/actuator/prometheus").header("Authorization", "Bearer scrape-secret"));
        assertThat(scraped.statusCode()).isEqualTo(200);
        assertThat(scraped.body()).contains("jvm_");
        assertThat(send(get("/actuator/prometheus").header("Authorization", "Bearer wrong-secret")).statusCode()).isEqualTo(401);
    }

    @Test
    void corsAnswersTheConfiguredOriginAndNoOther() throws Exception {
        HttpResponse<String> allowed = send(preflight("https://dashboard.example.org"));
        assertThat(allowed.statusCode()).isEqualTo(200);
        assertThat(allowed.headers().firstValue("Access-Control-Allow-Origin")).contains("https://dashboard.example.org");
        assertThat(allowed.headers().firstValue("Access-Control-Allow-Methods").orElse("")).contains("POST");
        assertThat(allowed.headers().firstValue("Access-Control-Allow-Headers").orElse("").toLowerCase())
                .contains("content-type").contains("x-api-key").contains("if-none-match");

        HttpResponse<String> other = send(preflight("https://elsewhere.example.com"));
        assertThat(other.statusCode()).isEqualTo(403);
        assertThat(other.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();

        send(question());
        // A cached public answer too.
        HttpResponse<String> answered = send(question().header("Origin", "https://dashboard.example.org"));
        assertThat(answered.headers().firstValue("Access-Control-Allow-Origin")).contains("https://dashboard.example.org");
        assertThat(answered.headers().firstValue("Access-Control-Expose-Headers").orElse(""))
                .contains("ETag").contains("X-RateLimit-Remaining").contains("Retry-After");
    }

    @Test
    void everyAnswerCarriesTheSecurityHeadersAndThePagesLoadFromThisServerOnly() throws Exception {
        send(question());
        // Asked twice: the second answer comes from the public response cache, and carries them too.
        HttpResponse<String> answer = send(question());
        assertThat(answer.headers().allValues("X-Content-Type-Options")).containsExactly("nosniff");
        assertThat(answer.headers().allValues("X-Frame-Options")).containsExactly("DENY");
        assertThat(answer.headers().firstValue("Referrer-Policy")).contains("no-referrer");
        assertThat(answer.headers().firstValue("Content-Security-Policy").orElse("")).contains("default-src 'none'");

        // GraphiQL and the dashboard, as packaged: every script and stylesheet they name is a path on
        // this server, served by it, and their policy allows nothing from another host.
        for (String path : List.of("/graphiql", "/")) {
            HttpResponse<String> page = send(get(path));
            assertThat(page.statusCode()).as(path).isEqualTo(200);
            String policy = page.headers().firstValue("Content-Security-Policy").orElse("");
            assertThat(policy).as(path).contains("default-src 'self'").contains("script-src 'self';").contains("connect-src 'self'")
                    .contains("frame-ancestors 'none'").doesNotContain("http").doesNotContain("unsafe");
            java.util.regex.Matcher references = java.util.regex.Pattern.compile("(?:src|href)=\"([^\"]+)\"").matcher(page.body());
            List<String> loaded = new ArrayList<>();
            while (references.find()) {
                String reference = references.group(1);
                if (reference.endsWith(".js") || reference.endsWith(".css")) {
                    loaded.add(reference);
                }
            }
            assertThat(loaded).as(path).isNotEmpty().allSatisfy(r -> assertThat(r).startsWith("/"));
            for (String reference : loaded) {
                assertThat(send(get(reference)).statusCode()).as(reference).isEqualTo(200);
            }
        }
        assertThat(send(get("/graphiql")).body()).contains("/webjars/graphiql/").doesNotContain("esm.sh");
    }

    @Test
    void theSchemaPrinterAndIntrospectionAreHiddenWhenSwitchedOff() throws Exception {
        assertThat(send(get("/graphql/schema")).statusCode()).isEqualTo(404);
        HttpResponse<String> introspection = send(HttpRequest.newBuilder(uri("/graphql")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"query\":\"{ __schema { queryType { name } } }\"}")));
        assertThat(introspection.body()).doesNotContain("\"queryType\":{");
        assertThat(JSON.readTree(introspection.body()).has("errors")).isTrue();
    }

    private HttpRequest.Builder question() {
        return HttpRequest.newBuilder(uri("/graphql")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(QUESTION));
    }

    private HttpRequest.Builder preflight(String origin) {
        return HttpRequest.newBuilder(uri("/graphql")).header("Origin", origin).header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "content-type,x-api-key,if-none-match")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody());
    }

    private HttpRequest.Builder get(String path) {
        return HttpRequest.newBuilder(uri(path)).GET();
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The embedded postmaster of this test's home and every backend it started. */
    private static List<Long> postgresProcesses() throws Exception {
        long postmaster = Long.parseLong(Files.readAllLines(HOME.resolve("postgres/postmaster.pid")).get(0).strip());
        List<Long> pids = new ArrayList<>();
        pids.add(postmaster);
        ProcessHandle.of(postmaster).orElseThrow().descendants().forEach(p -> pids.add(p.pid()));
        return pids;
    }

    private static void signal(String signal, List<Long> pids) throws Exception {
        List<String> command = new ArrayList<>(List.of("kill", "-" + signal));
        pids.forEach(pid -> command.add(Long.toString(pid)));
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start()
                .waitFor(5, TimeUnit.SECONDS);
    }
}
