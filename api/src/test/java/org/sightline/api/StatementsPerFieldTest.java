package org.sightline.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The cost of a GraphQL root field in SQL statements does not grow with the number of rows: each
 * field reads its table in a fixed number of statements (one roll-up; suppression adds the look-up
 * of the stored pattern; compare adds the benchmark's), and nested area fields are
 * batch-loaded. Asked over 5 districts and over 100 wards, every field costs the same, and the
 * numbers are pinned so a new per-row query cannot slip in. The API-key check is one statement per
 * request (keys can be revoked at any moment, so it is not cached).
 */
class StatementsPerFieldTest extends SightlineTest {

    @org.springframework.beans.factory.annotation.Autowired
    org.sightline.api.observations.AnswerCache answers;

    @org.springframework.beans.factory.annotation.Autowired
    org.sightline.api.http.PublicResponseCache responses;

    private static final String OBSERVATIONS = """
            { observations(query: {indicator: "%s", areas: {within: "Z12000001", level: "%s"}, breakdown: ["sex"]}, first: 1000) {
                totalCount edges { node { area { code name type { code } parent { code } } value lowerCI } } } }""";

    @Test
    void everyRootFieldCostsTheSameFewStatementsForFiveAreasAsForAHundred() {
        record Case(String name, String apiKey, String query, int statementsPerField) {
        }
        List<Case> cases = List.of(
                // Every answer starts with ONE planning statement: the data version (the catalogue and
                // geography facts every refusal is decided from are kept per version, read once).
                // plan, roll-up, then the parents of every area in one batch
                new Case("observations, exact", null, OBSERVATIONS.formatted("demo-population", "%s"), 3),
                // noise: plan, then the sums of the public's stored tables
                new Case("observations, noise", null, OBSERVATIONS.formatted("demo-service-contacts", "%s").replace(" parent { code }", ""), 2),
                // suppression: plan, roll-up, the areas with their countries, the stored patterns, their
                // withheld cells among the areas, and the audit of exact cells; no table is solved
                new Case("observations, suppression", "demo-partner",
                        OBSERVATIONS.formatted("demo-service-contacts", "%s").replace(" parent { code }", ""), 6),
                new Case("rank", null, "{ rank(query: {indicator: \"demo-population\", areas: {within: \"Z12000001\", level: \"%s\"}}) { rank } }", 2),
                // the data version (read once for the whole request), the areas' roll-up, the country they
                // lie in, the benchmark's roll-up
                new Case("compare", null, "{ compare(query: {indicator: \"demo-emergency-admissions\", areas: {within: \"Z12000001\", "
                        + "level: \"%s\"}}) { outcome } }", 4),
                new Case("trend", null, "{ trend(query: {indicator: \"demo-emergency-admissions\", areas: {within: \"Z12000001\", "
                        + "level: \"%s\"}}) { classification } }", 2),
                new Case("inequality", null, "{ inequality(query: {indicator: \"demo-admissions-by-deprivation\", areas: "
                        + "{within: \"Z12000001\", level: \"%s\"}}, by: \"imd_decile\") { absoluteGap } }", 2),
                // the data version (which keys the public's responses), the page, then parents and children
                // of every area in one batch each
                new Case("areas", null, "{ areas(type: \"%s\", within: \"Z12000001\") { totalCount edges { node { code parent { code } "
                        + "children { code } } } } }", 4));
        for (Case c : cases) {
            Api caller = c.apiKey() == null ? api() : api(c.apiKey());
            int keyCheck = c.apiKey() == null ? 0 : 1;
            for (String level : List.of("lad", "ward")) {
                String query = c.query().formatted(level);
                caller.data(query, Map.of()); // warm the caches (indicator catalogue, area types)
                answers.clear(); // but count the work of computing the answer, not of remembering it
                responses.clear();
                StatementCounter.reset();
                caller.data(query, Map.of());
                List<String> statements = StatementCounter.statements();
                System.out.printf("%s at %s: %d statements%n", c.name(), level, statements.size());
                assertThat(statements).as("%s at %s:%n%s", c.name(), level, String.join("\n", statements))
                        .hasSize(keyCheck + c.statementsPerField());
            }
        }
    }
}
