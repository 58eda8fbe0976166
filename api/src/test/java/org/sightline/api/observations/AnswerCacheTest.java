package org.sightline.api.observations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sightline.db.Tables.AUDIT_EVENT;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.sightline.api.SightlineTest;
import org.sightline.api.StatementCounter;
import org.sightline.api.demo.DemoDataSet;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Answers are computed once per question, rule and data version: asked again, the same answer
 * comes from memory without reading any cell (named callers still audited per question); a new release (or a geography change) changes the
 * version, so it is answered afresh and never from a stale answer.
 */
class AnswerCacheTest extends SightlineTest {

    @Autowired
    DSLContext db;

    private static final String QUERY = """
            query($q: ObservationQuery!) { observations(query: $q, first: 10000) { totalCount edges { node {
              area { code } period { code } characteristics { code } value count lowerCI upperCI
              disclosure { status reason mechanism epsilon rho noiseInterval } } } } }""";

    @Test
    void aRepeatedPublicQuestionIsAnsweredFromMemoryWithTheSameAnswer() {
        Map<String, Object> question = Map.of("indicator", DemoDataSet.SERVICE_CONTACTS,
                "areas", Map.of("codes", List.of("Z05000013", "Z05000077")), "breakdown", List.of("need"),
                "periods", Map.of("codes", List.of("2022/23")));
        StatementCounter.reset();
        JsonNode uncached = api().data(QUERY, Map.of("q", question));
        assertThat(StatementCounter.statements()).as("the first time, cells are read").anyMatch(AnswerCacheTest::readsCells);
        StatementCounter.reset();
        JsonNode cached = api().data(QUERY, Map.of("q", question));
        assertThat(StatementCounter.statements()).as("the second time, only the plan").noneMatch(AnswerCacheTest::readsCells);
        assertThat(cached).isEqualTo(uncached);
        assertThat(cached.at("/observations/totalCount").asInt()).isEqualTo(12);
    }

    @Test
    void aNamedCallerAskingAgainGetsTheSameAnswerFromMemoryAndIsAuditedEachTime() {
        // The owning steward sees exact values of a SENSITIVE indicator: every question is audited.
        Map<String, Object> question = Map.of("indicator", DemoDataSet.SERVICE_CONTACTS,
                "areas", Map.of("codes", List.of("Z05000021", "Z05000022")), "breakdown", List.of("sex"),
                "periods", Map.of("codes", List.of("2023/24")));
        int auditsBefore = db.fetchCount(AUDIT_EVENT);
        StatementCounter.reset();
        JsonNode uncached = api("demo-steward").data(QUERY, Map.of("q", question));
        assertThat(StatementCounter.statements()).as("the first time, cells are read").anyMatch(AnswerCacheTest::readsCells);
        StatementCounter.reset();
        JsonNode cached = api("demo-steward").data(QUERY, Map.of("q", question));
        assertThat(StatementCounter.statements()).as("the second time, no cell is read").noneMatch(AnswerCacheTest::readsCells);

        assertThat(cached).isEqualTo(uncached);
        assertThat(cached.at("/observations/edges/0/node/disclosure/status").asString()).isEqualTo("EXACT");
        assertThat(db.fetchCount(AUDIT_EVENT)).as("both questions are in the audit").isEqualTo(auditsBefore + 2);
    }

    @Test
    void aNewReleaseIsAnsweredAfreshNeverFromTheOldAnswer() {
        assertThat(admin().postJson("/api/v1/indicators", Map.ofEntries(Map.entry("id", "cache-test"),
                Map.entry("title", "Cache test"), Map.entry("definition", "test"), Map.entry("unit", "people"),
                Map.entry("measureType", "ADDITIVE_COUNT"), Map.entry("multiplier", 1), Map.entry("polarity", "NO_JUDGEMENT"),
                Map.entry("disclosureClass", "OPEN"), Map.entry("source", "test"), Map.entry("licence", "OGL"),
                Map.entry("characteristicTypes", List.of()))).status()).isIn(200, 201);
        Map<String, Object> question = Map.of("indicator", "cache-test", "areas", Map.of("codes", List.of("Z05000001")));
        release("area_code,period,count\nZ01000001,2023,10\nZ01000002,2023,20\n");
        assertThat(count(question)).isEqualTo(30);
        assertThat(count(question)).isEqualTo(30);
        release("area_code,period,count\nZ01000001,2023,11\nZ01000002,2023,20\n");
        assertThat(count(question)).as("the corrected release").isEqualTo(31);
    }

    private void release(String csv) {
        assertThat(admin().post("/api/v1/indicators/cache-test/releases", csv.getBytes(StandardCharsets.UTF_8), "text/csv").status())
                .isIn(200, 201);
    }

    private long count(Map<String, Object> question) {
        return api().data(QUERY, Map.of("q", question)).at("/observations/edges/0/node/count").asLong();
    }

    private static boolean readsCells(String sql) {
        String lower = sql.toLowerCase();
        return lower.contains("\"observation\"") || lower.contains("public_table_cell");
    }
}
