package org.sightline.api.privacy.attacks;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.sightline.api.Api;
import tools.jackson.databind.JsonNode;

/** What the attack tests ask and read: observation rows over real HTTP, keyed by their cell. */
final class Answers {

    static final String QUERY = """
            query($q: ObservationQuery!) { observations(query: $q, first: 10000) { totalCount edges { node {
              area { code } period { code } characteristics { type code } value count denominator lowerCI upperCI ciMethod
              disclosure { status reason mechanism epsilon rho noiseInterval } } } } }""";

    private Answers() {
    }

    /** The rows of an answer; fails the test on GraphQL errors. */
    static List<JsonNode> rows(Api api, Map<String, Object> question) {
        List<JsonNode> rows = new ArrayList<>();
        api.data(QUERY, Map.of("q", question)).at("/observations/edges").forEach(e -> rows.add(e.get("node")));
        return rows;
    }

    /** The whole response, errors included. */
    static JsonNode response(Api api, Map<String, Object> question) {
        return api.graphql(QUERY, Map.of("q", question));
    }

    /** The error classification of a refused question (fails if it was answered). */
    static String refusal(Api api, Map<String, Object> question) {
        JsonNode response = response(api, question);
        if (!response.has("errors")) {
            throw new AssertionError("expected a refusal, got " + response);
        }
        return response.at("/errors/0/extensions/classification").asString();
    }

    /** A row's cell: area, period and each characteristic code, e.g. "Z05000001|2023/24|housing|F". */
    static String cell(JsonNode row) {
        StringBuilder key = new StringBuilder(row.at("/area/code").asString()).append('|').append(row.at("/period/code").asString());
        row.get("characteristics").forEach(c -> key.append('|').append(c.get("code").asString()));
        return key.toString();
    }

    /** Released counts by cell (null where withheld). */
    static Map<String, Long> counts(List<JsonNode> rows) {
        Map<String, Long> counts = new HashMap<>();
        rows.forEach(r -> counts.put(cell(r), r.get("count").isNull() ? null : r.get("count").asLong()));
        return counts;
    }
}
