package org.sightline.api.privacy.attacks;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sightline.api.SightlineTest;
import org.sightline.api.StatementCounter;
import org.sightline.api.demo.DemoDataSet;
import tools.jackson.databind.JsonNode;

/**
 * Attack 6 of issue 9: refused versus empty. When the level rule for explicit area codes was
 * applied after reading, a FORBIDDEN answer meant "these cells hold rows" and an empty one meant
 * "they do not". Every refusal is now decided from the question, the catalogue and the geography
 * before any observation is read: the same refusal whether or not the cells hold data, and no
 * statement touches the observations.
 */
class RefusalBeforeReadTest extends SightlineTest {

    private static final String EMPTY_LSOA = "Z01999999";

    @Test
    void aForbiddenLevelIsRefusedTheSameWayWhetherOrNotItsCellsHoldRowsAndNothingIsRead() {
        String csv = "area_code,area_name,area_type,parent_code,hierarchy\n" + EMPTY_LSOA + ",LSOA without data,lsoa,Z05000001,admin\n";
        assertThat(admin().post("/api/v1/geography", csv.getBytes(StandardCharsets.UTF_8), "text/csv").status()).isEqualTo(200);
        for (String key : new String[] {"demo-partner", null}) {
            JsonNode withRows = refusedWithoutReading(key, question(List.of("Z01000001")));
            JsonNode withoutRows = refusedWithoutReading(key, question(List.of(EMPTY_LSOA)));
            assertThat(withoutRows.at("/errors/0/extensions/classification").asString())
                    .isEqualTo(withRows.at("/errors/0/extensions/classification").asString()).isEqualTo("FORBIDDEN");
            assertThat(withoutRows.at("/errors/0/message").asString().replace(EMPTY_LSOA, "X"))
                    .isEqualTo(withRows.at("/errors/0/message").asString().replace("Z01000001", "X"));
        }
    }

    @Test
    void aForbiddenLevelAmongAllowedAreasIsRefusedWholeBeforeReading() {
        refusedWithoutReading("demo-partner", question(List.of("Z05000001", "Z01000001")));
    }

    @Test
    void unknownAreasAreNamedBeforeReading() {
        StatementCounter.reset();
        JsonNode response = api().graphql(Answers.QUERY, Map.of("q", question(List.of("Z05000001", "Z05999999"))));
        assertThat(response.at("/errors/0/extensions/classification").asString()).isEqualTo("NOT_FOUND");
        assertThat(response.at("/errors/0/message").asString()).contains("Z05999999");
        assertThat(StatementCounter.statements()).noneMatch(RefusalBeforeReadTest::readsCells);
    }

    @Test
    void tooManyCellsIsDecidedFromTheQuestionNotFromTheData() {
        Map<String, Object> huge = Map.of("indicator", DemoDataSet.POPULATION,
                "areas", Map.of("within", DemoDataSet.REGION, "level", "lsoa"), "breakdown", List.of("sex", "age_band"),
                "periods", Map.of("from", "2019", "to", "2023"));
        StatementCounter.reset();
        assertThat(Answers.refusal(api(), huge)).isEqualTo("BAD_REQUEST");
        assertThat(StatementCounter.statements()).noneMatch(RefusalBeforeReadTest::readsCells);
    }

    private JsonNode refusedWithoutReading(String key, Map<String, Object> question) {
        StatementCounter.reset();
        JsonNode response = (key == null ? api() : api(key)).graphql(Answers.QUERY, Map.of("q", question));
        assertThat(response.at("/errors/0/extensions/classification").asString()).as(String.valueOf(key)).isEqualTo("FORBIDDEN");
        assertThat(StatementCounter.statements()).as("statements of a refused question").noneMatch(RefusalBeforeReadTest::readsCells);
        return response;
    }

    /** Whether a statement reads stored or published cells. */
    private static boolean readsCells(String sql) {
        String lower = sql.toLowerCase();
        return lower.contains("\"observation\"") || lower.contains(" observation ") || lower.contains("public_table_cell");
    }

    private static Map<String, Object> question(List<String> codes) {
        return Map.of("indicator", DemoDataSet.SERVICE_CONTACTS, "areas", Map.of("codes", codes), "breakdown", List.of("sex"));
    }
}
