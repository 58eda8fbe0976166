package org.sightline.api.limits;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.sightline.api.SightlineTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Each GraphQL limit refuses an operation over it before anything runs, with BAD_REQUEST and a
 * message naming the limit and its value, over POST (anonymous, through the public's response
 * cache, and with a key) and over GET alike; an operation within the limits is answered as before.
 */
class GraphQlLimitsTest extends SightlineTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final HttpClient http = HttpClient.newHttpClient();

    /** One root field asking for the code of one area n times, each under its own alias. */
    private static String aliases(int n) {
        return IntStream.range(0, n).mapToObj(i -> "c" + i + ": code")
                .collect(Collectors.joining(" ", "{ areas(type: \"lad\", first: 1) { edges { node { ", " } } } }"));
    }

    /** n root fields, each under its own alias. */
    private static String rootFields(int n) {
        return IntStream.range(0, n).mapToObj(i -> "a" + i + ": areas(type: \"lad\", first: 1) { totalCount }")
                .collect(Collectors.joining(" ", "{ ", " }"));
    }

    private static void assertRefused(JsonNode response, String property, String value) {
        assertThat(response.path("data").isNull() || response.path("data").isMissingNode()).as("nothing answered: %s", response).isTrue();
        JsonNode error = response.at("/errors/0");
        assertThat(error.at("/extensions/classification").asString()).isEqualTo("BAD_REQUEST");
        assertThat(error.at("/message").asString()).contains("sightline.limits." + property).contains(value);
    }

    @Test
    void tooManyAliasesAreRefusedOnEveryPath() throws Exception {
        String within = aliases(20);
        assertThat(api().data(within, Map.of()).at("/areas/edges/0/node/c19").asString()).isNotBlank();

        String over = aliases(21);
        // twice: the second time from the public's response cache, if it kept anything
        assertRefused(api().graphql(over, Map.of()), "graphql-max-aliases", "20");
        assertRefused(api().graphql(over, Map.of()), "graphql-max-aliases", "20");
        assertRefused(api("demo-partner").graphql(over, Map.of()), "graphql-max-aliases", "20");
        HttpResponse<String> get = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/graphql?query="
                + URLEncoder.encode(over, StandardCharsets.UTF_8))).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertRefused(JSON.readTree(get.body()), "graphql-max-aliases", "20");
    }

    @Test
    void tooManyRootFieldsAreRefused() {
        assertThat(api().data(rootFields(20), Map.of()).get("a19").at("/totalCount").asInt()).isPositive();
        assertRefused(api().graphql(rootFields(21), Map.of()), "graphql-max-root-fields", "20");
    }

    @Test
    void aListArgumentOfTenThousandValuesIsRefusedAtOnce() {
        List<String> periods = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            periods.add(Integer.toString(1000 + i));
        }
        String question = "query($periods: [String!]) { observations(query: {indicator: \"demo-population\", "
                + "areas: {codes: [\"Z05000001\"]}, periods: {codes: $periods}}) { totalCount } }";
        long started = System.nanoTime();
        JsonNode refused = api().graphql(question, Map.of("periods", periods));
        assertRefused(refused, "graphql-max-list-values", "1000");
        assertThat(refused.at("/errors/0/message").asString()).contains("10000 values");
        assertThat((System.nanoTime() - started) / 1_000_000).as("refused before any work, in ms").isLessThan(5_000);

        JsonNode codes = api().graphql("{ observations(query: {indicator: \"demo-population\", areas: {codes: ["
                + IntStream.range(0, 1001).mapToObj(i -> "\"E0" + i + "\"").collect(Collectors.joining(",")) + "]}}) { totalCount } }", Map.of());
        assertRefused(codes, "graphql-max-list-values", "1000");
    }

    @Test
    void deepAndCostlyOperationsAreRefused() {
        StringBuilder deep = new StringBuilder("{ areas(type: \"lad\", first: 1) { edges { node { ");
        int depth = 3;
        for (int i = 0; i < 6; i++) {
            deep.append("parent { children { ");
            depth += 2;
        }
        deep.append("code ");
        depth++;
        deep.append("} ".repeat(12)).append("} } } }");
        assertRefused(api().graphql(deep.toString(), Map.of()), "graphql-max-depth", depth + " fields deep");

        // Within the depth limit, but every list multiplies what is below it: a page of 1,000 areas, then
        // children of children (the 118-byte query gave 360,000 nodes).
        String bomb = "{ areas(type: \"lad\", first: 1000) { edges { node { children { parent { children { children { code } } } } } } } }";
        assertRefused(api().graphql(bomb, Map.of()), "graphql-max-cost", "1000000");
        assertRefused(api("demo-partner").graphql("{ areas(first: 1000) { edges { node { children { children { children { children "
                + "{ code } } } } } } } }", Map.of()), "graphql-max-cost", "1000000");

        String ordinary = "{ areas(type: \"region\", first: 100) { edges { node { code children { code name } } } } }";
        assertThat(api().data(ordinary, Map.of()).at("/areas/edges").size()).isPositive();
    }
}
