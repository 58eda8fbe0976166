package org.sightline.api.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sightline.api.SightlineTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The public's answers over GET carry validators: asked again with If-None-Match, an unchanged
 * answer costs a 304 and no body; once a release is published the same URL is answered afresh
 * with a new ETag. Named callers get no validators, and GET never carries a mutation.
 */
class PublicAnswerETagsTest extends SightlineTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String QUESTION = "{ observations(query: {indicator: \"etag-test\", areas: {codes: [\"Z05000001\"]}}) "
            + "{ edges { node { count } } } }";

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aRepeatedPublicGetIsNotModifiedUntilANewReleaseIsPublished() throws Exception {
        assertThat(admin().postJson("/api/v1/indicators", Map.ofEntries(Map.entry("id", "etag-test"),
                Map.entry("title", "ETag test"), Map.entry("definition", "test"), Map.entry("unit", "people"),
                Map.entry("measureType", "ADDITIVE_COUNT"), Map.entry("multiplier", 1), Map.entry("polarity", "NO_JUDGEMENT"),
                Map.entry("disclosureClass", "OPEN"), Map.entry("source", "test"), Map.entry("licence", "OGL"),
                Map.entry("characteristicTypes", List.of()))).status()).isIn(200, 201);
        release("area_code,period,count\nZ01000001,2023,10\nZ01000002,2023,20\n");
        String url = "/graphql?query=" + URLEncoder.encode(QUESTION, StandardCharsets.UTF_8);

        HttpResponse<String> first = get(url, null, null);
        assertThat(first.statusCode()).isEqualTo(200);
        String etag = first.headers().firstValue("ETag").orElseThrow();
        assertThat(first.headers().firstValue("Cache-Control")).hasValue("no-cache");
        JsonNode overGet = JSON.readTree(first.body());
        assertThat(overGet.at("/data")).as("GET answers as POST does").isEqualTo(api().graphql(QUESTION, Map.of()).at("/data"));
        assertThat(overGet.at("/data/observations/edges/0/node/count").asLong()).isEqualTo(30);

        HttpResponse<String> again = get(url, etag, null);
        assertThat(again.statusCode()).isEqualTo(304);
        assertThat(again.body()).isEmpty();

        release("area_code,period,count\nZ01000001,2023,11\nZ01000002,2023,20\n");
        HttpResponse<String> afterRelease = get(url, etag, null);
        assertThat(afterRelease.statusCode()).as("a new release makes the old answer stale").isEqualTo(200);
        assertThat(afterRelease.headers().firstValue("ETag")).isPresent().isNotEqualTo(java.util.Optional.of(etag));
        assertThat(JSON.readTree(afterRelease.body()).at("/data/observations/edges/0/node/count").asLong()).isEqualTo(31);

        HttpResponse<String> csv = get("/api/v1/observations.csv?indicator=etag-test&codes=Z05000001", null, null);
        assertThat(csv.statusCode()).isEqualTo(200);
        String csvTag = csv.headers().firstValue("ETag").orElseThrow();
        assertThat(get("/api/v1/observations.csv?indicator=etag-test&codes=Z05000001", csvTag, null).statusCode()).isEqualTo(304);
        assertThat(get("/api/v1/observations.csv?indicator=etag-test&codes=Z05000002", csvTag, null).statusCode())
                .as("another question, another validator").isEqualTo(200);
    }

    @Test
    void namedCallersGetNoValidatorsAndMutationsAreNotSentOverGet() throws Exception {
        String url = "/graphql?query=" + URLEncoder.encode("{ indicators { edges { node { id } } } }", StandardCharsets.UTF_8);
        HttpResponse<String> asPartner = get(url, null, "demo-partner");
        assertThat(asPartner.statusCode()).isEqualTo(200);
        assertThat(asPartner.headers().firstValue("ETag")).isEmpty();

        String mutation = "mutation { defineCustomGeography(input: {name: \"x\", members: [\"Z05000001\"]}) { id } }";
        HttpResponse<String> refused = get("/graphql?query=" + URLEncoder.encode(mutation, StandardCharsets.UTF_8), null, "demo-partner");
        assertThat(refused.statusCode()).isEqualTo(405);
    }

    private HttpResponse<String> get(String path, String ifNoneMatch, String apiKey) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET();
        if (ifNoneMatch != null) {
            request.header("If-None-Match", ifNoneMatch);
        }
        if (apiKey != null) {
            request.header("X-API-Key", apiKey);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private void release(String csv) {
        assertThat(admin().post("/api/v1/indicators/etag-test/releases", csv.getBytes(StandardCharsets.UTF_8), "text/csv").status())
                .isIn(200, 201);
    }
}
