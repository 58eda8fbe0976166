package org.sightline.api.clients;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.sightline.api.Api;
import org.sightline.api.TestIndicators;
import org.sightline.cli.SightlineCli;
import org.sightline.client.RetryPolicy;
import org.sightline.client.SightlineClient;

/** What the client and CLI tests share: clients of the test server, release files, the CLI run in-process. */
final class ClientFixtures {

    /** The six LSOAs of the demo's first ward (Z05000001, in district Z08000001). */
    static final List<String> WARD_1_LSOAS = List.of("Z01000001", "Z01000002", "Z01000003", "Z01000004", "Z01000005", "Z01000006");

    static final Path FILES = Path.of("target", "client-tests");

    private ClientFixtures() {
    }

    /** The Java client for the server on {@code port}, with an API key (null: PUBLIC); retried quickly when busy. */
    static SightlineClient client(int port, String apiKey) {
        return SightlineClient.builder("http://localhost:" + port).apiKey(apiKey)
                .retry(new RetryPolicy(3, java.time.Duration.ofMillis(100), java.time.Duration.ofSeconds(1), java.time.Duration.ofSeconds(5)))
                .build();
    }

    /** Defines an OPEN count indicator by sex (the demo operator's, so the demo council owns it and demo-steward publishes it). */
    static void defineIndicator(Api admin, String id) {
        Map<String, Object> body = TestIndicators.countBySex(id, "Client test (" + id + ")", "Contacts, to test the Java client and the CLI.");
        body.put("unit", "contacts");
        Api.Response response = admin.postJson("/api/v1/indicators", body);
        assertThat(response.status()).as(response.body().toString()).isIn(200, 201);
    }

    /** A release file of ward 1's LSOAs by sex for the years, with seeded counts; its total per LSOA and year is returned too. */
    record ReleaseFile(Path path, Map<String, Long> lsoaTotals) {
    }

    static ReleaseFile releaseFile(String name, long seed, List<String> years) throws IOException {
        Random random = new Random(seed);
        StringBuilder csv = new StringBuilder("area_code,period,sex,count\n");
        Map<String, Long> totals = new HashMap<>();
        for (String year : years) {
            for (String lsoa : WARD_1_LSOAS) {
                for (String sex : List.of("F", "M")) {
                    long count = 10 + random.nextInt(300);
                    csv.append(lsoa).append(',').append(year).append(',').append(sex).append(',').append(count).append('\n');
                    totals.merge(lsoa + "/" + year, count, Long::sum);
                }
            }
        }
        return new ReleaseFile(write(name, csv.toString()), totals);
    }

    static Path write(String name, String content) throws IOException {
        Files.createDirectories(FILES);
        Path file = FILES.resolve(name);
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file;
    }

    /** {@code GET /api/v1/observations.csv?query} fetched directly, as any HTTP client would. */
    static byte[] csvFromServer(int port, String apiKey, String query) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/observations.csv?" + query));
        if (apiKey != null) {
            request.header("X-API-Key", apiKey);
        }
        HttpResponse<byte[]> response = HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).as(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo(200);
        return response.body();
    }

    /** One run of the CLI in this JVM: its exit code and what it wrote to its output and error output. */
    record Run(int exitCode, byte[] outBytes, String err) {

        String out() {
            return new String(outBytes, StandardCharsets.UTF_8);
        }

        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- out ---\n" + out() + "\n--- err ---\n" + err;
        }
    }

    static Run cli(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exitCode = SightlineCli.commandLine(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)).execute(args);
        return new Run(exitCode, out.toByteArray(), err.toString(StandardCharsets.UTF_8));
    }
}
