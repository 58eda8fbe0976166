package org.sightline.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.sightline.client.LocalServer.Reply;

/**
 * The server's error answers, REST and GraphQL, as typed exceptions carrying its classification,
 * message and the lines of a bad file, over real HTTP from a local server.
 */
@org.junit.jupiter.api.Timeout(60)
class ErrorMappingTest {

    private static SightlineClient client(LocalServer server) {
        return SightlineClient.builder(server.url()).bearerToken("a.jwt.token").retry(RetryPolicy.NONE).build();
    }

    private static Path csv(String text) throws IOException {
        Path file = Files.createTempFile(Path.of("target"), "upload", ".csv");
        Files.writeString(file, text);
        return file;
    }

    @Test
    void aBadReleaseFileIsABadRequestListingEveryLineWithItsFieldAndReason() throws IOException {
        Path file = csv("area_code,period,count\nZ01999999,2019,3\nZ01000002,2019,seven\n");
        try (LocalServer server = new LocalServer(Reply.json(422, """
                {"classification": "BAD_REQUEST", "message": "the file has 2 problem(s); nothing was released",
                 "errors": [{"line": 2, "column": "area_code", "value": "Z01999999", "reason": "not a known area code"},
                            {"line": 3, "column": "count", "value": "seven", "reason": "must be a whole number"}]}"""))) {
            assertThatThrownBy(() -> client(server).uploadRelease("test-indicator", file, ReleaseOptions.none(), TransferListener.NONE))
                    .isInstanceOfSatisfying(BadRequestException.class, e -> {
                        assertThat(e.status()).isEqualTo(422);
                        assertThat(e.classification()).isEqualTo("BAD_REQUEST");
                        assertThat(e.getMessage()).isEqualTo("the file has 2 problem(s); nothing was released");
                        assertThat(e.errors()).containsExactly(
                                new FileError(2L, "area_code", "Z01999999", "not a known area code"),
                                new FileError(3L, "count", "seven", "must be a whole number"));
                        assertThat(e.errors().get(0)).hasToString("line 2, area_code 'Z01999999': not a known area code");
                    });
            assertThat(server.received().get(0).header("Authorization")).isEqualTo("Bearer a.jwt.token");
        } finally {
            Files.deleteIfExists(file);
        }
    }

    @Test
    void aRecordFilesErrorsNameTheirFieldAndCode() throws IOException {
        Path file = csv("postcode,contact_date,ethnicity\n");
        try (LocalServer server = new LocalServer(Reply.json(422, """
                {"classification": "BAD_REQUEST", "message": "1 local code is not mapped",
                 "errors": [{"line": 7, "field": "ethnicity", "code": "WBRI", "reason": "not mapped to the ethnicity codelist"},
                            {"line": 9, "reason": "the line cannot be read"}]}"""))) {
            assertThatThrownBy(() -> client(server).uploadRecords("wessex-asc", file, TransferListener.NONE))
                    .isInstanceOfSatisfying(BadRequestException.class, e -> assertThat(e.errors()).extracting(Object::toString)
                            .containsExactly("line 7, ethnicity 'WBRI': not mapped to the ethnicity codelist", "line 9: the line cannot be read"));
            assertThat(server.received().get(0).pathAndQuery()).isEqualTo("/api/v1/record-intakes/wessex-asc/records");
        } finally {
            Files.deleteIfExists(file);
        }
    }

    @Test
    void restRefusalsMapByClassificationAndStatus() throws IOException {
        try (LocalServer server = new LocalServer(
                Reply.json(401, "{\"classification\": \"UNAUTHORIZED\", \"message\": \"unknown or revoked API key\", \"errors\": []}"),
                Reply.json(403, "{\"classification\": \"FORBIDDEN\", \"message\": \"your role may not do this\", \"errors\": []}"),
                Reply.json(404, "{\"classification\": \"NOT_FOUND\", \"message\": \"no indicator 'x'\", \"errors\": []}"),
                Reply.json(413, "{\"classification\": \"PAYLOAD_TOO_LARGE\", \"message\": \"larger than 1 GB\", \"errors\": []}"),
                Reply.json(409, "{\"classification\": \"CONFLICT\", \"message\": \"release 3 is superseded\", \"errors\": []}"),
                Reply.text(500, "text/html", "<html>Internal Server Error</html>"),
                Reply.text(418, "text/plain", ""))) {
            SightlineClient client = client(server);
            ObservationQuery query = ObservationQuery.of("demo-population").level("lad");
            java.io.OutputStream sink = java.io.OutputStream.nullOutputStream();

            assertThatThrownBy(() -> client.exportCsv(query, sink)).isInstanceOf(UnauthorizedException.class)
                    .isInstanceOf(ForbiddenException.class).hasMessage("unknown or revoked API key");
            assertThatThrownBy(() -> client.exportCsv(query, sink)).isExactlyInstanceOf(ForbiddenException.class)
                    .hasMessage("your role may not do this");
            assertThatThrownBy(() -> client.exportCsv(query, sink)).isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> client.exportCsv(query, sink)).isInstanceOf(PayloadTooLargeException.class)
                    .isInstanceOf(BadRequestException.class);
            assertThatThrownBy(() -> client.exportCsv(query, sink)).isInstanceOf(ConflictException.class);
            assertThatThrownBy(() -> client.exportCsv(query, sink)).isInstanceOfSatisfying(ServerErrorException.class, e -> {
                assertThat(e.classification()).isNull();
                assertThat(e.getMessage()).contains("500").contains("Internal Server Error");
            });
            assertThatThrownBy(() -> client.exportCsv(query, sink)).isExactlyInstanceOf(SightlineException.class)
                    .hasMessageContaining("418");
        }
    }

    @Test
    void graphQlErrorsMapByTheirClassification() throws IOException {
        try (LocalServer server = new LocalServer(
                graphQlError("FORBIDDEN", "PUBLIC callers may see demo-safeguarding-concerns at district level or coarser"),
                graphQlError("BAD_REQUEST", "a NON_ADDITIVE indicator answers only at lsoa"),
                graphQlError("NOT_FOUND", "no area 'Z99'"),
                graphQlError("TIMEOUT", "the question ran longer than 30 s"),
                graphQlError("ValidationError", "Validation error (FieldUndefined@[nope])"),
                graphQlError("INTERNAL_ERROR", "internal error; the operators have been told"),
                Reply.json(400, "{\"errors\": [{\"message\": \"the request body must be a JSON object\", \"extensions\": {\"classification\": \"BAD_REQUEST\"}}]}"))) {
            SightlineClient client = client(server);
            ObservationQuery query = ObservationQuery.of("demo-safeguarding-concerns").within("Z08000001", "lsoa");

            assertThatThrownBy(() -> client.observations(query, 10, null)).isInstanceOfSatisfying(ForbiddenException.class, e -> {
                assertThat(e.classification()).isEqualTo("FORBIDDEN");
                assertThat(e.status()).isEqualTo(200);
                assertThat(e.getMessage()).contains("district level or coarser");
            });
            assertThatThrownBy(() -> client.trend(query)).isInstanceOf(BadRequestException.class).hasMessageContaining("NON_ADDITIVE");
            assertThatThrownBy(() -> client.compare(query, "Z99", null)).isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> client.rank(query)).isInstanceOfSatisfying(UnavailableException.class,
                    e -> assertThat(e.classification()).isEqualTo("TIMEOUT"));
            assertThatThrownBy(() -> client.graphql("{ nope }", null)).isInstanceOf(BadRequestException.class);
            assertThatThrownBy(() -> client.releases("x")).isInstanceOf(ServerErrorException.class);
            assertThatThrownBy(() -> client.releases("x")).isInstanceOfSatisfying(BadRequestException.class,
                    e -> assertThat(e.status()).isEqualTo(400));
        }
    }

    @Test
    void anAnswerThatIsNotSightlinesJsonIsAServerError() throws IOException {
        try (LocalServer server = new LocalServer(Reply.text(200, "text/html", "<html>Please sign in to the proxy</html>"))) {
            assertThatThrownBy(() -> client(server).area("Z08000001")).isInstanceOfSatisfying(ServerErrorException.class, e -> {
                assertThat(e.status()).isEqualTo(200);
                assertThat(e.getMessage()).contains("was not the JSON expected");
            });
        }
    }

    private static Reply graphQlError(String classification, String message) {
        return Reply.json(200, "{\"errors\": [{\"message\": \"" + message + "\", \"locations\": [], \"extensions\": {\"classification\": \""
                + classification + "\"}}], \"data\": null}");
    }
}
