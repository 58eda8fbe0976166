package org.sightline.api.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sightline.api.SightlineTest;
import org.sightline.api.StatementCounter;
import org.sightline.api.demo.DemoDataSet;
import tools.jackson.databind.JsonNode;

/**
 * The public's GraphQL responses are kept whole, and only the public's: a named caller asking
 * the very same document gets their own treatment, before or after the public asked it, and the
 * public never gets what a named caller was given.
 */
class PublicResponseCacheTest extends SightlineTest {

    private static final String QUERY = """
            query($q: ObservationQuery!) { observations(query: $q, first: 100) { edges { node {
              area { code } characteristics { code } value disclosure { status } } } } }""";

    @Test
    void theSameDocumentGetsEachCallersOwnTreatmentWhoeverAskedFirst() {
        Map<String, Object> question = Map.of("indicator", DemoDataSet.SERVICE_CONTACTS,
                "areas", Map.of("codes", List.of("Z05000031", "Z05000032")), "breakdown", List.of("need"),
                "periods", Map.of("codes", List.of("2022/23")));
        JsonNode stewardFirst = api("demo-steward").data(QUERY, Map.of("q", question));
        JsonNode publicAnswer = api().data(QUERY, Map.of("q", question));
        StatementCounter.reset();
        JsonNode publicAgain = api().data(QUERY, Map.of("q", question));
        List<String> statements = StatementCounter.statements();
        JsonNode stewardAfter = api("demo-steward").data(QUERY, Map.of("q", question));

        assertThat(statuses(stewardFirst)).containsOnly("EXACT");
        assertThat(statuses(publicAnswer)).doesNotContain("EXACT").isNotEmpty();
        assertThat(publicAgain).isEqualTo(publicAnswer);
        assertThat(statements).as("the repeated public question: the data version, nothing else").hasSize(1);
        assertThat(stewardAfter).as("the steward is never given the public's response").isEqualTo(stewardFirst);
    }

    private static List<String> statuses(JsonNode data) {
        List<String> statuses = new ArrayList<>();
        data.at("/observations/edges").forEach(e -> statuses.add(e.at("/node/disclosure/status").asString()));
        return statuses;
    }
}
