package org.sightline.api.robustness;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.sightline.api.DatabaseSnapshot;
import org.sightline.api.SightlineTest;
import org.sightline.api.graphql.Cursors;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A generated corpus of malformed input - NUL bytes, invalid UTF-8, over-long text, broken CSV and
 * JSON, impossible numbers, nulls in lists, geography cycles, bad geometry, bad cursors, unknown
 * codes - sent to every endpoint by a PUBLIC caller and by an ADMIN. Each must be refused as the
 * caller's mistake (a 4xx, or a GraphQL error classified as one), with a body that names no Java
 * class and carries no stack trace, and must change nothing in the database.
 */
class MalformedInputCorpusTest extends SightlineTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** A qualified Java class name, a name ending in Exception, or a stack frame. */
    private static final Pattern JAVA_INTERNALS = Pattern.compile(
            "\\b[a-z]+\\.[a-z]+\\.[A-Z]\\w+|\\w+Exception\\b|\\bat [\\w.$]+\\(|SerializableGraphQlRequest|IndicatorInput|ResponseEntity");
    /** Our classifications of a caller's mistake, and graphql-java's own for a document that does not parse or validate. */
    private static final List<String> CALLER_ERRORS = List.of("BAD_REQUEST", "NOT_FOUND", "FORBIDDEN", "UNAUTHORIZED",
            "ValidationError", "InvalidSyntax");
    private static final byte[] INVALID_UTF8 = {(byte) 0xC3, (byte) 0x28, (byte) 0xFF};

    /**
     * One malformed request. {@code mayAnswer}: the input is odd rather than wrong (an unknown
     * search term, a filter that matches nothing), so an answer is fine too - but never a fault.
     */
    private record Input(String name, String method, String path, String contentType, byte[] body, boolean mayAnswer) {
        Input(String name, String method, String path, String contentType, byte[] body) {
            this(name, method, path, contentType, body, false);
        }
    }

    @Autowired
    DSLContext db;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void everyMalformedInputIsRefusedAsTheCallersMistakeAndChangesNothing() throws Exception {
        // An indicator of the corpus's own that releases may be sent to (defined before the snapshot).
        assertThat(admin().post("/api/v1/indicators", """
                {"id": "corpus-count", "title": "Corpus count", "definition": "Malformed-input corpus", "unit": "persons",
                 "measureType": "ADDITIVE_COUNT", "multiplier": 1, "polarity": "NO_JUDGEMENT", "disclosureClass": "OPEN",
                 "source": "test", "licence": "OGL v3.0", "characteristicTypes": ["sex"]}""".getBytes(StandardCharsets.UTF_8),
                "application/json").status()).isIn(200, 201);

        List<Input> corpus = corpus();
        Map<String, String> before = DatabaseSnapshot.of(db);
        List<String> failures = new ArrayList<>();
        for (String key : new String[] {null, "demo-admin"}) {
            for (Input input : corpus) {
                String failure = check(input, key);
                if (failure != null) {
                    failures.add((key == null ? "PUBLIC " : "ADMIN ") + input.name() + ": " + failure);
                }
            }
        }
        Map<String, String> after = DatabaseSnapshot.of(db);
        Map<String, String> changed = new LinkedHashMap<>();
        after.forEach((table, state) -> {
            if (!state.equals(before.get(table))) {
                changed.put(table, before.get(table) + " -> " + state);
            }
        });
        failures.forEach(System.out::println);
        assertThat(corpus.size()).as("corpus size").isGreaterThan(200);
        assertThat(failures).as("inputs not refused cleanly (of %d)", corpus.size() * 2).isEmpty();
        assertThat(changed).as("tables changed by refused input").isEmpty();
    }

    /** Null when {@code input} was refused cleanly; otherwise what went wrong. */
    private String check(Input input, String key) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + input.path()));
        request.method(input.method(), input.body() == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(input.body()));
        if (input.contentType() != null) {
            request.header("Content-Type", input.contentType());
        }
        if (key != null) {
            request.header("X-API-Key", key);
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        String body = response.body();
        if (JAVA_INTERNALS.matcher(body).find()) {
            return "body names Java internals: " + abbreviate(body);
        }
        int status = response.statusCode();
        if (status >= 500) {
            return "status " + status + ": " + abbreviate(body);
        }
        if (status >= 400) {
            return null;
        }
        if (input.path().startsWith("/graphql")) {
            JsonNode errors = JSON.readTree(body).path("errors");
            if (errors.isEmpty()) {
                return input.mayAnswer() ? null : "GraphQL answered without an error: " + abbreviate(body);
            }
            for (JsonNode error : errors) {
                String classification = error.at("/extensions/classification").asString("");
                if (!CALLER_ERRORS.contains(classification)) {
                    return "GraphQL error classified " + classification + ": " + abbreviate(body);
                }
            }
            return null;
        }
        if (input.path().startsWith("/api/v1/geography") || input.path().startsWith("/api/v1/boundaries")) {
            // These two import the good rows of a file and report the bad ones: a wholly bad file is a 200
            // that imports nothing (the database snapshot checks that).
            return null;
        }
        if (input.mayAnswer()) {
            return null;
        }
        return "status " + status + " for malformed input: " + abbreviate(body);
    }

    private static String abbreviate(String body) {
        return body.length() > 400 ? body.substring(0, 400) + "..." : body;
    }

    // --- the corpus ---

    private static final String LONG = "x".repeat(5000);

    /** Strings a careless or hostile caller might put where a code, name, search or cursor belongs. */
    private static final Map<String, String> BAD_STRINGS = Map.of(
            "NUL", "E0\u0000X",
            "over-long", LONG,
            "unknown", "ZZ-NOT-A-CODE",
            "blank", "",
            "lone surrogate", "\uD800x",
            "SQL-ish", "'; DROP TABLE area; --",
            "percent", "%_\\");

    private static final List<String> STRING_QUERIES = List.of(
            "query($s: ID!) { indicator(id: $s) { id } }",
            "query($s: String!) { area(code: $s) { code name } }",
            "query($s: String!) { areas(search: $s, first: 5) { totalCount } }",
            "query($s: String!) { areas(type: $s, first: 5) { totalCount } }",
            "query($s: String!) { areas(within: $s, first: 5) { totalCount } }",
            "query($s: String!) { areas(first: 5, after: $s) { totalCount } }",
            "query($s: String!) { indicators(search: $s) { totalCount } }",
            "query($s: String!) { indicators(after: $s) { totalCount } }",
            "query($s: String!) { catalogue(search: $s) { totalCount } }",
            "query($s: String!) { catalogue(areaType: $s) { totalCount } }",
            "query($s: String!) { catalogue(characteristic: $s) { totalCount } }",
            "query($s: String!) { catalogue(after: $s) { totalCount } }",
            "query($s: ID!) { observations(query: {indicator: $s, areas: {codes: [\"Z12000001\"]}}) { totalCount } }",
            "query($s: String!) { observations(query: {indicator: \"demo-population\", areas: {codes: [$s]}}) { totalCount } }",
            "query($s: String!) { observations(query: {indicator: \"demo-population\", areas: {within: $s, level: \"ward\"}}) { totalCount } }",
            "query($s: String!) { observations(query: {indicator: \"demo-population\", areas: {within: \"Z12000001\", level: $s}}) { totalCount } }",
            "query($s: ID!) { observations(query: {indicator: \"demo-population\", areas: {customGeography: $s}}) { totalCount } }",
            "query($s: String!) { observations(query: {indicator: \"demo-population\", areas: {codes: [\"Z12000001\"]}, periods: {codes: [$s]}}) { totalCount } }",
            "query($s: String!) { observations(query: {indicator: \"demo-population\", areas: {codes: [\"Z12000001\"]}, periods: {from: $s}}) { totalCount } }",
            "query($s: String!) { observations(query: {indicator: \"demo-population\", areas: {codes: [\"Z12000001\"]}, breakdown: [$s]}) { totalCount } }",
            "query($s: String!) { observations(query: {indicator: \"demo-population\", areas: {codes: [\"Z12000001\"]}, filter: [{type: $s, values: [\"F\"]}]}) { totalCount } }",
            "query($s: String!) { observations(query: {indicator: \"demo-population\", areas: {codes: [\"Z12000001\"]}, filter: [{type: \"sex\", values: [$s]}]}) { totalCount } }",
            "query($s: ID!) { observations(query: {indicator: \"demo-population\", areas: {codes: [\"Z12000001\"]}, asOf: $s}) { totalCount } }",
            "query($s: String!) { observations(query: {indicator: \"demo-population\", areas: {codes: [\"Z12000001\"]}}, after: $s) { totalCount } }",
            "query($s: ID!) { rank(query: {indicator: $s, areas: {codes: [\"Z12000001\"]}}) { rank } }",
            "query($s: String!) { trend(query: {indicator: \"demo-population\", areas: {codes: [$s]}}) { classification } }",
            "query($s: String!) { compare(query: {indicator: \"demo-population\", areas: {codes: [\"Z12000001\"]}}, benchmark: $s) { outcome } }",
            "query($s: String!) { inequality(query: {indicator: \"demo-population\", areas: {codes: [\"Z12000001\"]}}, by: $s) { by } }",
            "query($s: ID!) { overlay(x: $s, y: \"demo-population\", areas: {codes: [\"Z12000001\"]}) { completePairs } }",
            "query($s: ID!) { releases(indicator: $s) { id } }",
            "query($s: ID!) { completeness(indicator: $s) { __typename } }",
            "query($s: ID!) { gaps(indicator: $s) { __typename } }",
            "query($s: ID!) { organisation(code: $s) { code } }",
            "query($s: ID!) { agreement(id: $s) { id } }",
            "query($s: String!) { agreements(after: $s) { totalCount } }",
            "query($s: ID!) { accessLog(indicator: $s) { totalCount } }",
            "query($s: ID!) { customGeography(id: $s) { id } }",
            "query($s: String!) { codelist(type: $s) { type } }",
            "query($s: String!) { codelist(type: \"ethnicity\") { mappings(organisation: $s) { __typename } } }",
            "mutation($s: ID!) { withdrawRelease(id: $s, reason: \"corpus\") { id } }",
            "mutation($s: ID!) { suspendAgreement(id: $s, reason: \"corpus\") { __typename } }",
            "mutation($s: ID!) { approveAgreement(id: $s) { __typename } }");

    private static List<Input> corpus() {
        List<Input> corpus = new ArrayList<>();
        // GraphQL: every string argument with every bad string, as a variable.
        for (String query : STRING_QUERIES) {
            BAD_STRINGS.forEach((what, value) -> {
                Map<String, Object> variables = new LinkedHashMap<>();
                variables.put("s", value);
                boolean wrong = what.equals("NUL") || what.equals("over-long");
                corpus.add(new Input("GraphQL " + what + " in " + query, "POST", "/graphql", "application/json",
                        JSON.writeValueAsBytes(Map.of("query", query, "variables", variables)), !wrong));
            });
        }
        // GraphQL: cursors this API never issued.
        for (String query : STRING_QUERIES) {
            if (query.contains("after: $s")) {
                for (String cursor : List.of("AAAA", "////", "_w", "!!", Cursors.encode("x".repeat(2000)), Cursors.encode("a\u0000b"))) {
                    corpus.add(graphql("cursor " + abbreviate(cursor) + " in " + query,
                            JSON.writeValueAsBytes(Map.of("query", query, "variables", Map.of("s", cursor)))));
                }
            }
        }
        // GraphQL: bad strings inline in the document, and numbers out of range.
        corpus.add(graphql("NUL inline", "{\"query\":\"{ area(code: \\\"E\\u0000\\\") { code } }\"}"));
        corpus.add(graphql("NUL in document", "{\"query\":\"{ area\\u0000 { code } }\"}"));
        corpus.add(graphql("negative first", "{\"query\":\"{ areas(first: -1) { totalCount } }\"}"));
        corpus.add(graphql("huge first", "{\"query\":\"{ areas(first: 99999999999) { totalCount } }\"}"));
        corpus.add(graphql("non-finite first", "{\"query\":\"query($n: Int) { areas(first: $n) { totalCount } }\",\"variables\":{\"n\":1e400}}"));
        corpus.add(graphql("fractional first", "{\"query\":\"query($n: Int) { areas(first: $n) { totalCount } }\",\"variables\":{\"n\":1.5}}"));
        corpus.add(graphql("null in list", "{\"query\":\"query($c: [String!]) { observations(query: {indicator: \\\"demo-population\\\", areas: {codes: $c}}) { totalCount } }\",\"variables\":{\"c\":[null]}}"));
        corpus.add(graphql("unterminated document", "{\"query\":\"{ area(code: \\\"E0\"}"));
        corpus.add(graphql("unknown field", "{\"query\":\"{ nothingHere }\"}"));
        // GraphQL: bodies that are not a GraphQL request.
        for (String body : List.of("null", "[]", "1", "\"query\"", "true", "{}", "{\"query\":1}", "{\"query\":null}",
                "{\"query\":[\"{ __typename }\"]}", "{\"query\":{}}", "{\"query\":\"{ __typename }\",\"operationName\":5}",
                "{\"query\":\"{ __typename }\",\"operationName\":[]}", "{\"query\":\"{ __typename }\",\"variables\":\"x\"}",
                "{\"query\":\"{ __typename }\",\"variables\":[1]}", "{\"query\":\"{ __typename }\",\"extensions\":7}",
                "{\"query\":", "{\"query\":\"{ __typename }\"", "", "{\"query\":\"{ __typename }\"}}", "{'query':'x'}",
                "{\"query\":\"{ __typename }\",\"query\":\"{ x }\"}")) {
            corpus.add(graphql("body " + abbreviate(body), body));
        }
        corpus.add(new Input("GraphQL invalid UTF-8", "POST", "/graphql", "application/json",
                concat("{\"query\":\"{ area(code: \\\"".getBytes(StandardCharsets.UTF_8), INVALID_UTF8, "\\\") { code } }\"}".getBytes(StandardCharsets.UTF_8))));
        corpus.add(new Input("GraphQL raw NUL", "POST", "/graphql", "application/json",
                "{\"query\":\"{ area(code: \\\"E\u0000\\\") { code } }\"}".getBytes(StandardCharsets.UTF_8)));
        corpus.add(new Input("GraphQL as text/plain", "POST", "/graphql", "text/plain", "{ __typename }".getBytes(StandardCharsets.UTF_8)));
        corpus.add(new Input("GraphQL as XML", "POST", "/graphql", "application/xml", "<q/>".getBytes(StandardCharsets.UTF_8)));
        for (String method : List.of("PUT", "DELETE", "PATCH")) {
            corpus.add(new Input(method + " /graphql", method, "/graphql", "application/json", "{\"query\":\"{ __typename }\"}".getBytes(StandardCharsets.UTF_8)));
            corpus.add(new Input(method + " /api/v1/indicators", method, "/api/v1/indicators", "application/json", "{}".getBytes(StandardCharsets.UTF_8)));
            corpus.add(new Input(method + " /api/v1/geography", method, "/api/v1/geography", "text/csv", "a".getBytes(StandardCharsets.UTF_8)));
        }

        // REST: JSON definitions.
        Map<String, Object> indicator = new LinkedHashMap<>(Map.of("id", "corpus-bad", "title", "Corpus bad", "definition", "d",
                "unit", "persons", "measureType", "ADDITIVE_COUNT", "multiplier", 1, "polarity", "NO_JUDGEMENT",
                "disclosureClass", "OPEN", "source", "test", "licence", "OGL v3.0"));
        indicator.put("characteristicTypes", List.of());
        corpus.addAll(jsonVariants("/api/v1/indicators", indicator, List.of("id", "title", "unit"),
                List.of("characteristicTypes"), List.of("multiplier")));
        Map<String, Object> characteristicType = new LinkedHashMap<>(Map.of("code", "corpus_type", "name", "Corpus type",
                "values", List.of(Map.of("code", "a", "label", "A"))));
        corpus.addAll(jsonVariants("/api/v1/characteristic-types", characteristicType, List.of("code", "name"), List.of("values"), List.of()));
        Map<String, Object> codelist = new LinkedHashMap<>(Map.of("code", "corpus_list", "name", "Corpus list", "definition", "d",
                "source", "s", "values", List.of(Map.of("code", "a", "label", "A"))));
        corpus.addAll(jsonVariants("/api/v1/codelists", codelist, List.of("code", "name"), List.of("values"), List.of()));
        Map<String, Object> intake = new LinkedHashMap<>(Map.of("id", "corpus-intake", "organisation", "demo-wessex-council",
                "title", "Corpus intake"));
        corpus.addAll(jsonVariants("/api/v1/record-intakes", intake, List.of("id", "organisation", "title"), List.of(), List.of()));

        // REST: CSV files.
        String releaseHeader = "area_code,period,sex,count,denominator,value,lower_ci,upper_ci\n";
        List<String> releaseRows = List.of(
                "Z12000001,2022,M,1,00,,,,extra", "Z12000001,2022,M,1", "Z12000001,2022,M,\"1", "Z12000001,2022,M,1e400,,,,",
                "Z12000001,2022,M,-1,,,,", "Z12000001,2022,M,1.5,,,,", "Z12000001,2022,M,9223372036854775807,,,,",
                "Z12000001,2022,M,NaN,,,,", "Z12000001,2022,M,Infinity,,,,", "Z12000001,2022,M,1000000000000000,,,,",
                "Z12000001,2022,M,5,-3,,,", "Z12000001,2022,M,5,1e400,,,", "Z12000001,2022,M,,,NaN,,",
                LONG + ",2022,M,1,,,,", "Z12000001," + LONG + ",M,1,,,,", "Z12000001,2022," + LONG + ",1,,,,",
                "E0\u0000,2022,M,1,,,,", "ZZ9999999,2022,M,1,,,,", "Z12000001,not-a-period,M,1,,,,");
        for (String row : releaseRows) {
            corpus.add(csv("release row " + abbreviate(row), "/api/v1/indicators/corpus-count/releases", releaseHeader + row + "\n"));
        }
        corpus.add(csv("release header only", "/api/v1/indicators/corpus-count/releases", releaseHeader));
        corpus.add(csv("release empty", "/api/v1/indicators/corpus-count/releases", ""));
        corpus.add(csv("release NUL header", "/api/v1/indicators/corpus-count/releases", "area_code\u0000,period,count\nZ12000001,2022,1\n"));
        corpus.add(new Input("release invalid UTF-8", "POST", "/api/v1/indicators/corpus-count/releases", "text/csv",
                concat(releaseHeader.getBytes(StandardCharsets.UTF_8), "Z12000001,2022,".getBytes(StandardCharsets.UTF_8), INVALID_UTF8, ",1,,,,\n".getBytes(StandardCharsets.UTF_8))));
        corpus.add(csv("release to NUL indicator", "/api/v1/indicators/corpus%00count/releases", releaseHeader + "Z12000001,2022,M,1,,,,\n"));
        corpus.add(csv("release to over-long indicator", "/api/v1/indicators/" + "x".repeat(300) + "/releases", releaseHeader));
        corpus.add(csv("release with NUL parameter", "/api/v1/indicators/corpus-count/releases?reason=a%00b", releaseHeader + "Z12000001,2022,M,1,,,,\n"));
        corpus.add(csv("release with invalid UTF-8 parameter", "/api/v1/indicators/corpus-count/releases?reason=a%FFb", releaseHeader + "Z12000001,2022,M,1,,,,\n"));

        String geographyHeader = "area_code,area_name,area_type,parent_code,hierarchy\n";
        List<String> geographyFiles = List.of(
                geographyHeader + "Y0\u00001,Bad,lad,Z12000001,admin\n",
                geographyHeader + "Y08000091,Bad\u0000Name,lad,Z12000001,admin\n",
                geographyHeader + LONG + ",Long,lad,Z12000001,admin\n",
                geographyHeader + "Y08000092," + LONG + ",lad,Z12000001,admin\n",
                geographyHeader + "Y08000093,Long type," + LONG + ",Z12000001,admin\n",
                geographyHeader + "Y08000094,Extra,lad,Z12000001,admin,extra\n",
                geographyHeader + "Y08000095,Fewer,lad\n",
                geographyHeader + "Y08000096,\"Unterminated,lad,Z12000001,admin\n",
                geographyHeader + "Z12000001,Cycle,country,Z12000001,admin\n",
                geographyHeader + "Z92000001,Demoland,country,Z12000001,admin\n",
                geographyHeader + "Z92000001,Demoland,country,Z05000001,statistical\n",
                geographyHeader + "Z12000001,Wessex,region,Z08000001,admin\n",
                "area_code,area_name,area_type,parent_code,hierarchy\u0000\nY08000097,X,lad,Z12000001,admin\n",
                "{\"E02999999\": null}", "{\"E02999999\": [1]}", "[1,2]", "null", "{\"E02\u00009\": \"x\"}", "{\"E02999999\": \"" + LONG + "\"}",
                "{\"unterminated\": ");
        for (String file : geographyFiles) {
            corpus.add(new Input("geography " + abbreviate(file), "POST", "/api/v1/geography", file.startsWith("area") ? "text/csv" : "application/json",
                    file.getBytes(StandardCharsets.UTF_8)));
        }
        corpus.add(new Input("geography invalid UTF-8", "POST", "/api/v1/geography", "text/csv",
                concat(geographyHeader.getBytes(StandardCharsets.UTF_8), "Y08000098,".getBytes(StandardCharsets.UTF_8), INVALID_UTF8, ",lad,Z12000001,admin\n".getBytes(StandardCharsets.UTF_8))));

        for (String geometry : List.of("null", "{\"type\":\"Point\",\"coordinates\":[0,0]}", "{\"type\":\"LineString\",\"coordinates\":[[0,0],[1,1]]}",
                "{\"type\":\"Polygon\",\"coordinates\":[[[500,0],[501,0],[501,1],[500,0]]]}",
                "{\"type\":\"Polygon\",\"coordinates\":[[[0,0],[1,0],[1,1]]]}", "{\"type\":\"Polygon\",\"coordinates\":[[[0,0],[1,0],[1,1],[0,1]]]}",
                "{\"type\":\"Polygon\",\"coordinates\":[[[0,0],[1e400,0],[1,1],[0,0]]]}", "{\"type\":\"Polygon\",\"coordinates\":\"x\"}",
                "{\"type\":\"Polygon\"}", "{\"type\":\"Nonsense\",\"coordinates\":[]}", "[1]", "7")) {
            String collection = "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"properties\":{\"code\":\"Z12000001\"},\"geometry\":"
                    + geometry + "}]}";
            corpus.add(new Input("boundary geometry " + geometry, "POST", "/api/v1/boundaries", "application/json", collection.getBytes(StandardCharsets.UTF_8)));
        }
        corpus.add(new Input("boundary feature without geometry", "POST", "/api/v1/boundaries", "application/json",
                "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"properties\":{\"code\":\"Z12000001\"}}]}".getBytes(StandardCharsets.UTF_8)));
        corpus.add(new Input("boundary features not a list", "POST", "/api/v1/boundaries", "application/json",
                "{\"type\":\"FeatureCollection\",\"features\":7}".getBytes(StandardCharsets.UTF_8)));
        for (String topology : List.of(
                "{\"type\":\"Topology\",\"arcs\":[[[0,0],[1,0],[1,1],[0,0]]],\"objects\":{\"a\":{\"type\":\"GeometryCollection\",\"geometries\":[{\"type\":\"Polygon\",\"arcs\":[[5]],\"properties\":{\"code\":\"Z12000001\"}}]}}}",
                "{\"type\":\"Topology\",\"arcs\":[[[0,0],[1,0],[1,1],[0,0]]],\"objects\":{\"a\":{\"type\":\"GeometryCollection\",\"geometries\":[{\"type\":\"Polygon\",\"arcs\":[[-9]],\"properties\":{\"code\":\"Z12000001\"}}]}}}",
                "{\"type\":\"Topology\",\"arcs\":[[[0,0],[1,0],[1,1],[0,0]]],\"objects\":{\"a\":{\"type\":\"GeometryCollection\",\"geometries\":[{\"type\":\"Point\",\"coordinates\":[0,0],\"properties\":{\"code\":\"Z12000001\"}}]}}}",
                "{\"type\":\"Topology\",\"arcs\":[[[0,0],[1,0],[1,1],[0,0]]],\"objects\":{\"a\":{\"type\":\"GeometryCollection\",\"geometries\":[{\"type\":\"Polygon\",\"properties\":{\"code\":\"Z12000001\"}}]}}}",
                "{\"type\":\"Topology\",\"arcs\":\"x\",\"objects\":7}",
                "{\"type\":\"Topology\",\"transform\":{\"scale\":[\"a\"]},\"arcs\":[[[0,0],[1,0],[1,1],[0,0]]],\"objects\":{\"a\":{\"type\":\"GeometryCollection\",\"geometries\":[{\"type\":\"Polygon\",\"arcs\":[[0]],\"properties\":{\"code\":\"Z12000001\"}}]}}}")) {
            corpus.add(new Input("topology " + abbreviate(topology), "POST", "/api/v1/boundaries", "application/json", topology.getBytes(StandardCharsets.UTF_8)));
        }
        corpus.add(new Input("boundary invalid UTF-8", "POST", "/api/v1/boundaries", "application/json",
                concat("{\"type\":\"".getBytes(StandardCharsets.UTF_8), INVALID_UTF8, "\"}".getBytes(StandardCharsets.UTF_8))));

        String mappingsHeader = "organisation,local_code,standard_code\n";
        for (String row : List.of("demo-wessex-council,W\u0000,W1", "demo-wessex-council," + LONG + ",W1", "demo-wessex-council,WX,W1,extra",
                "demo-wessex-council,WX", "demo-wessex-council,\"WX,W1", LONG + ",WX,W1")) {
            corpus.add(csv("mapping " + abbreviate(row), "/api/v1/codelists/ethnicity/mappings", mappingsHeader + row + "\n"));
        }
        corpus.add(csv("mapping to NUL codelist", "/api/v1/codelists/eth%00nicity/mappings", mappingsHeader));
        corpus.add(csv("records for unknown intake", "/api/v1/record-intakes/corpus-none/records", "a,b\n1,2\n"));
        corpus.add(csv("records for NUL intake", "/api/v1/record-intakes/x%00y/records", "a,b\n1,2\n"));
        for (String file : List.of("pcd,pcds,lsoa21\n\"AB1,AB1 1AA,E01\n", "pcd\u0000,pcds\nx,y\n", "")) {
            corpus.add(csv("postcodes " + abbreviate(file), "/api/v1/postcodes?vintage=corpus", file));
        }
        corpus.add(csv("postcodes NUL vintage", "/api/v1/postcodes?vintage=a%00b", "pcd,pcds\n"));

        // REST: the CSV export's parameters.
        for (String query : List.of("indicator=a%00b&codes=Z12000001", "indicator=demo-population&codes=E0%00", "indicator=demo-population&codes=%FF%FE",
                "indicator=" + "x".repeat(3000) + "&codes=Z12000001", "indicator=demo-population&within=Z12000001&level=%00",
                "indicator=demo-population&codes=Z12000001&periods=%00", "indicator=demo-population&codes=Z12000001&asOf=%00",
                "indicator=demo-population&codes=Z12000001&breakdown=%00", "indicator=demo-population&codes=Z12000001&filter=sex:%00",
                "indicator=demo-population&codes=Z12000001&benchmark=%00", "indicator=demo-population&codes=Z12000001&comparison=%00",
                "codes=Z12000001", "indicator=demo-population", "indicator=demo-population&codes=Z12000001&from=2022&to=2019",
                "indicator=demo-population&codes=Z12000001&asOf=not-a-release")) {
            corpus.add(new Input("export " + abbreviate(query), "GET", "/api/v1/observations.csv?" + query, null, null));
        }
        return corpus;
    }

    /** A valid JSON definition spoiled one way at a time: bad strings, null list elements, bad numbers, broken JSON. */
    private static List<Input> jsonVariants(String path, Map<String, Object> valid, List<String> textFields, List<String> listFields,
                                            List<String> numberFields) {
        List<Input> variants = new ArrayList<>();
        for (String field : textFields) {
            for (String what : List.of("NUL", "over-long")) {
                Map<String, Object> spoiled = new LinkedHashMap<>(valid);
                spoiled.put(field, BAD_STRINGS.get(what));
                variants.add(json(path + " " + what + " " + field, path, JSON.writeValueAsString(spoiled)));
            }
            Map<String, Object> wrongType = new LinkedHashMap<>(valid);
            wrongType.put(field, List.of(1));
            variants.add(json(path + " list as " + field, path, JSON.writeValueAsString(wrongType)));
        }
        for (String field : listFields) {
            String spoiled = JSON.writeValueAsString(valid).replaceFirst("\"" + field + "\":\\[[^\\]]*\\]", "\"" + field + "\":[null]");
            variants.add(json(path + " null in " + field, path, spoiled));
            String notList = JSON.writeValueAsString(valid).replaceFirst("\"" + field + "\":\\[[^\\]]*\\]", "\"" + field + "\":\"x\"");
            variants.add(json(path + " string as " + field, path, notList));
        }
        for (String field : numberFields) {
            for (String number : List.of("1.5", "1e400", "-1", "0", "99999999999999999999", "\"one\"", "[1]")) {
                String spoiled = JSON.writeValueAsString(valid).replaceFirst("\"" + field + "\":[^,}]*", "\"" + field + "\":" + number);
                variants.add(json(path + " " + field + " " + number, path, spoiled));
            }
        }
        for (String body : List.of("null", "[]", "7", "\"x\"", "{}", "{", "{\"id\":", "", "{\"id\":\"a\"}}")) {
            variants.add(json(path + " body " + body, path, body));
        }
        variants.add(new Input(path + " invalid UTF-8", "POST", path, "application/json",
                concat("{\"id\":\"".getBytes(StandardCharsets.UTF_8), INVALID_UTF8, "\"}".getBytes(StandardCharsets.UTF_8))));
        return variants;
    }

    private static Input graphql(String name, byte[] body) {
        return new Input("GraphQL " + name, "POST", "/graphql", "application/json", body);
    }

    private static Input graphql(String name, String body) {
        return graphql(name, body.getBytes(StandardCharsets.UTF_8));
    }

    private static Input json(String name, String path, String body) {
        return new Input(name, "POST", path, "application/json", body.getBytes(StandardCharsets.UTF_8));
    }

    private static Input csv(String name, String path, String body) {
        return new Input(name, "POST", path, "text/csv", body.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] concat(byte[]... parts) {
        int length = 0;
        for (byte[] part : parts) {
            length += part.length;
        }
        byte[] all = new byte[length];
        int at = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, all, at, part.length);
            at += part.length;
        }
        return all;
    }
}
