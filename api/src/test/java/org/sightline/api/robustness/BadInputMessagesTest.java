package org.sightline.api.robustness;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sightline.api.Api;
import org.sightline.api.SightlineTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a caller reads when their input is wrong: the status, and a message that names the line,
 * field or argument and the reason - for the mistakes the issue 12 audit turned into 500s.
 */
class BadInputMessagesTest extends SightlineTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String RELEASE_HEADER = "area_code,period,count\n";
    private static final String RELEASES = "/api/v1/indicators/bad-input-counts/releases";

    /** An indicator of this test's own, with no breakdown, that the refused releases are sent to. */
    @org.junit.jupiter.api.BeforeEach
    void defineIndicator() {
        assertThat(admin().post("/api/v1/indicators", """
                {"id": "bad-input-counts", "title": "Bad input counts", "definition": "d", "unit": "persons",
                 "measureType": "ADDITIVE_COUNT", "multiplier": 1, "polarity": "NO_JUDGEMENT", "disclosureClass": "OPEN",
                 "source": "test", "licence": "OGL v3.0", "characteristicTypes": []}""".getBytes(StandardCharsets.UTF_8),
                "application/json").status()).isIn(200, 201);
    }

    @Test
    void aReleaseRowWithAnExtraCellIsRefusedWithItsLineNotTruncated() {
        Api.Response response = admin().post(RELEASES,
                (RELEASE_HEADER + "Z12000001,2022,1,00\n").getBytes(StandardCharsets.UTF_8), "text/csv");
        assertThat(response.status()).isEqualTo(422);
        JsonNode error = response.body().at("/errors/0");
        assertThat(error.get("line").asLong()).isEqualTo(2);
        assertThat(error.get("reason").asString()).contains("4 cells but the header has 3");
    }

    @Test
    void countsAboveTheMaximumOrNotFiniteAreLineErrors() {
        Api.Response huge = admin().post(RELEASES,
                (RELEASE_HEADER + "Z12000001,2022,9223372036854775807\n").getBytes(StandardCharsets.UTF_8), "text/csv");
        assertThat(huge.status()).isEqualTo(422);
        assertThat(huge.body().at("/errors/0/reason").asString()).contains("larger than the maximum of 1000000000000");
    }

    @Test
    void aNulByteInAFileIsRefusedNamingItsLine() {
        Api.Response response = admin().post(RELEASES,
                (RELEASE_HEADER + "Z12000001,2022,1\nZ1\u00002000001,2022,1\n").getBytes(StandardCharsets.UTF_8), "text/csv");
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body().at("/errors/0/line").asLong()).isEqualTo(3);
        assertThat(response.body().get("message").asString()).contains("line 3").contains("NUL");
    }

    @Test
    void graphQlBodiesThatAreNotRequestsAre400WithAPlainMessage() throws Exception {
        for (String body : List.of("null", "[]", "{\"query\":1}", "{\"query\":\"{ __typename }\",\"operationName\":5}")) {
            HttpResponse<String> response = send("POST", "/graphql", body);
            assertThat(response.statusCode()).as(body).isEqualTo(400);
            JsonNode error = JSON.readTree(response.body()).at("/errors/0");
            assertThat(error.at("/extensions/classification").asString()).isEqualTo("BAD_REQUEST");
            assertThat(error.get("message").asString()).doesNotContain("SerializableGraphQlRequest").doesNotContain("Exception");
        }
    }

    @Test
    void otherMethodsOnGraphQlAre405WithAllow() throws Exception {
        for (String method : List.of("PUT", "DELETE", "PATCH")) {
            HttpResponse<String> response = send(method, "/graphql", "{\"query\":\"{ __typename }\"}");
            assertThat(response.statusCode()).as(method).isEqualTo(405);
            assertThat(response.headers().firstValue("Allow")).hasValue("GET, POST");
        }
    }

    @Test
    void aNulInACodeIsRefusedBeforeTheDatabase() throws Exception {
        HttpResponse<String> csv = send("GET", "/api/v1/observations.csv?indicator=demo-population&codes=E0%00", null);
        assertThat(csv.statusCode()).isEqualTo(400);
        assertThat(csv.body()).contains("NUL");
        JsonNode graphql = api().graphql("query($c: String!) { area(code: $c) { code } }", Map.of("c", "E0\u0000"));
        assertThat(graphql.at("/errors/0/extensions/classification").asString()).isEqualTo("BAD_REQUEST");
    }

    @Test
    void aFractionalMultiplierAndANullInAListAre400NamingTheField() {
        Map<String, Object> indicator = new java.util.LinkedHashMap<>(Map.of("id", "bad-input-multiplier", "title", "t",
                "definition", "d", "unit", "persons", "measureType", "ADDITIVE_COUNT", "multiplier", 1.5, "polarity", "NO_JUDGEMENT",
                "disclosureClass", "OPEN", "source", "s", "licence", "OGL v3.0"));
        Api.Response fractional = admin().postJson("/api/v1/indicators", indicator);
        assertThat(fractional.status()).isEqualTo(400);
        assertThat(fractional.body().get("message").asString()).contains("multiplier").doesNotContain("IndicatorInput");
        indicator.put("multiplier", 1);
        indicator.put("characteristicTypes", java.util.Arrays.asList((String) null));
        Api.Response nullInList = admin().postJson("/api/v1/indicators", indicator);
        assertThat(nullInList.status()).isEqualTo(400);
        assertThat(nullInList.body().get("message").asString()).contains("characteristicTypes");
    }

    @Test
    void aCursorThisApiNeverIssuedIsABadRequest() {
        JsonNode response = api().graphql("query($a: String!) { areas(first: 2, after: $a) { totalCount } }", Map.of("a", "AAAA"));
        assertThat(response.at("/errors/0/extensions/classification").asString()).isEqualTo("BAD_REQUEST");
    }

    @Test
    void aCountryCannotBePutInsideARegionNorInsideItsOwnWard() {
        String file = """
                area_code,area_name,area_type,parent_code,hierarchy
                Z92000001,Demoland,country,Z12000001,admin
                Z92000001,Demoland,country,Z05000001,statistical
                """;
        Api.Response response = admin().post("/api/v1/geography", file.getBytes(StandardCharsets.UTF_8), "text/csv");
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body().get("linksAdded").asInt()).isZero();
        JsonNode rejected = response.body().get("rejectedRows");
        assertThat(rejected).hasSize(2);
        assertThat(rejected.get(0).get("line").asLong()).isEqualTo(2);
        assertThat(rejected.get(0).get("reason").asString()).contains("finer than");
        assertThat(rejected.get(1).get("line").asLong()).isEqualTo(3);
    }

    private HttpResponse<String> send(String method, String path, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
