package org.sightline.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The GraphQL examples in README.md run as written, so the README cannot drift from the API. */
class ReadmeExamplesTest extends SightlineTest {

    @Test
    void theFirstQueryInTheReadmeAnswersWithEveryWardBySex() throws IOException {
        List<String> blocks = graphqlBlocks();
        assertThat(blocks).isNotEmpty();

        JsonNode data = api().data(blocks.get(0), Map.of());
        assertThat(data.at("/observations/totalCount").asInt()).isEqualTo(20 * 2);
        assertThat(data.at("/observations/edges")).hasSize(10);
        assertThat(data.at("/observations/pageInfo/hasNextPage").asBoolean()).isTrue();
        assertThat(data.at("/observations/edges/0/node/area/parent/name").asString()).isEqualTo("Casterbridge");
        assertThat(data.at("/observations/edges/0/node/disclosure/status").asString()).isEqualTo("EXACT");
    }

    @Test
    void indicatorsCanBeSearchedAndPaged() {
        JsonNode all = api().data("{ indicators(search: \"demo\") { totalCount edges { node { id } } } }", Map.of());
        assertThat(all.at("/indicators/totalCount").asInt()).isEqualTo(7);

        JsonNode first = api().data("{ indicators(search: \"demo\", first: 5) { totalCount pageInfo { hasNextPage endCursor } "
                + "edges { node { id characteristicTypes { code values { code } } } } } }", Map.of());
        assertThat(first.at("/indicators/totalCount").asInt()).isEqualTo(7);
        assertThat(first.at("/indicators/edges")).hasSize(5);
        assertThat(first.at("/indicators/pageInfo/hasNextPage").asBoolean()).isTrue();
        JsonNode rest = api().data("query($after: String) { indicators(search: \"demo\", first: 5, after: $after) { "
                + "totalCount pageInfo { hasNextPage } edges { node { id } } } }",
                Map.of("after", first.at("/indicators/pageInfo/endCursor").asString()));
        assertThat(rest.at("/indicators/edges")).hasSize(2);
        assertThat(rest.at("/indicators/edges/0/node/id").asString()).isEqualTo("demo-service-contacts");
        assertThat(rest.at("/indicators/edges/1/node/id").asString()).isEqualTo("demo-wellbeing-score");
        assertThat(rest.at("/indicators/totalCount").asInt()).isEqualTo(7);
        assertThat(rest.at("/indicators/pageInfo/hasNextPage").asBoolean()).isFalse();

        JsonNode population = api().data("{ indicator(id: \"demo-population\") { characteristicTypes { code values { code } } } }", Map.of());
        assertThat(population.at("/indicator/characteristicTypes/1/code").asString()).isEqualTo("age_band");
        assertThat(population.at("/indicator/characteristicTypes/1/values/0/code").asString()).isEqualTo("total");
        assertThat(population.at("/indicator/characteristicTypes/1/values")).hasSize(7);
    }

    @Test
    void theCustomGeographyExampleDefinesAnAreaThatQueriesAnswer() throws IOException {
        String mutation = graphqlBlocks().stream().filter(b -> b.contains("defineCustomGeography")).findFirst().orElseThrow();
        String id = api("demo-partner").data(mutation, Map.of()).at("/defineCustomGeography/id").asString();
        JsonNode total = api().data("query($id: ID!) { observations(query: {indicator: \"demo-population\", "
                + "areas: {customGeography: $id}}) { totalCount edges { node { area { code } count } } } }", Map.of("id", id));
        assertThat(total.at("/observations/totalCount").asInt()).isEqualTo(1);
        assertThat(total.at("/observations/edges/0/node/count").asLong()).isPositive();
    }

    @Test
    void theInequalityExampleMeasuresEveryDistrictOfTheRegion() throws IOException {
        String query = graphqlBlocks().stream().filter(b -> b.contains("inequality(")).findFirst().orElseThrow();
        JsonNode rows = api().data(query, Map.of()).get("inequality");
        assertThat(rows).hasSize(5);
        for (JsonNode row : rows) {
            assertThat(row.get("groups")).hasSize(10);
            assertThat(row.at("/sii/value").isNumber()).isTrue();
            assertThat(row.at("/sii/lowerCI").asDouble()).isLessThan(row.at("/sii/upperCI").asDouble());
            assertThat(row.get("absoluteGap").asDouble()).isCloseTo(
                    row.at("/groups/9/value").asDouble() - row.at("/groups/0/value").asDouble(), org.assertj.core.api.Assertions.within(1e-9));
        }
    }

    private static List<String> graphqlBlocks() throws IOException {
        return graphqlBlocks(Path.of("../README.md"));
    }

    /** The {@code graphql} code blocks of a Markdown page, in order. */
    static List<String> graphqlBlocks(Path page) throws IOException {
        Matcher m = Pattern.compile("```graphql\\n(.*?)```", Pattern.DOTALL).matcher(Files.readString(page));
        List<String> blocks = new ArrayList<>();
        while (m.find()) {
            blocks.add(m.group(1));
        }
        return blocks;
    }
}
