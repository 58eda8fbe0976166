package org.sightline.api.limits;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sightline.api.SightlineTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Bodies larger than their endpoint's limit are refused with 413 naming the limit: a declared
 * length at once, without reading the body; a chunked body as soon as it passes the limit. Nothing
 * is stored, and bodies within the limit are answered as before.
 */
class RequestBodyLimitsTest extends SightlineTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aGraphQlBodyOverItsLimitIs413() throws Exception {
        String padding = "#".repeat(300 * 1024);
        String query = "{ areas(type: \"lad\", first: 1) { totalCount } }\n";
        HttpResponse<String> refused = post("/graphql", null, JSON.writeValueAsBytes(Map.of("query", query + padding)), false);
        assertThat(refused.statusCode()).isEqualTo(413);
        JsonNode body = JSON.readTree(refused.body());
        assertThat(body.at("/classification").asString()).isEqualTo("PAYLOAD_TOO_LARGE");
        assertThat(body.at("/message").asString()).contains("256 KB").contains("sightline.limits.graphql-body-bytes");

        HttpResponse<String> chunked = post("/graphql", null, JSON.writeValueAsBytes(Map.of("query", query + padding)), true);
        assertThat(chunked.statusCode()).as("counted while read: %s", chunked.body()).isEqualTo(413);
        assertThat(chunked.body()).contains("sightline.limits.graphql-body-bytes");

        assertThat(api().data(query, Map.of()).at("/areas/totalCount").asInt()).isPositive();
    }

    @Test
    void aDeclared95MegabyteBodyIsRefusedWithoutBeingRead() throws Exception {
        String response = rawHead("POST /graphql HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                + "Content-Length: " + 95L * 1024 * 1024 + "\r\n\r\n");
        assertThat(response).startsWith("HTTP/1.1 413").contains("sightline.limits.graphql-body-bytes");

        String release = rawHead("POST /api/v1/indicators/demo-population/releases HTTP/1.1\r\nHost: localhost\r\n"
                + "X-API-Key: demo-steward\r\nContent-Type: text/csv\r\nContent-Length: " + 2L * 1024 * 1024 * 1024 + "\r\n\r\n");
        assertThat(release).startsWith("HTTP/1.1 413").contains("1 GB").contains("sightline.limits.release-bytes");
    }

    @Test
    void aStreamedBodyIsCutOffAtItsLimitAndNothingIsStored() throws Exception {
        // An indicator definition padded past the 1 MB limit of other bodies, sent without a length.
        String description = "x".repeat(2 * 1024 * 1024);
        byte[] definition = JSON.writeValueAsBytes(Map.ofEntries(Map.entry("id", "limits-too-large"), Map.entry("title", "Too large"),
                Map.entry("definition", description), Map.entry("unit", "people"), Map.entry("measureType", "ADDITIVE_COUNT"),
                Map.entry("multiplier", 1), Map.entry("polarity", "NO_JUDGEMENT"), Map.entry("disclosureClass", "OPEN"),
                Map.entry("source", "test"), Map.entry("licence", "OGL"), Map.entry("characteristicTypes", java.util.List.of())));
        HttpResponse<String> refused = post("/api/v1/indicators", "demo-admin", definition, true);
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(413);
        assertThat(refused.body()).contains("1 MB").contains("sightline.limits.other-body-bytes");
        JsonNode indicator = api().graphql("{ indicator(id: \"limits-too-large\") { id } }", Map.of());
        assertThat(indicator.at("/data/indicator").isNull()).as("nothing stored: %s", indicator).isTrue();
    }

    private HttpResponse<String> post(String path, String apiKey, byte[] body, boolean chunked) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/json")
                .POST(chunked ? HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        if (apiKey != null) {
            request.header("X-API-Key", apiKey);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Sends only a request's head and reads what the server answers before any body is sent. */
    private String rawHead(String head) throws Exception {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            StringBuilder response = new StringBuilder();
            byte[] buffer = new byte[8192];
            int n;
            while ((n = in.read(buffer)) > 0) {
                response.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
                if (response.indexOf("}") > 0) {
                    break;
                }
            }
            return response.toString();
        }
    }
}
