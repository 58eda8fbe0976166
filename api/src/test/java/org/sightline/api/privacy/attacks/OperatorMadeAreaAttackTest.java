package org.sightline.api.privacy.attacks;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sightline.api.SightlineTest;
import org.sightline.api.demo.DemoDataSet;
import tools.jackson.databind.JsonNode;

/**
 * Attack 4 of issue 9: an operator (ADMIN key) loads an "area" declared a combined authority that
 * holds one LSOA; if the engine trusted the declared type, an analyst (exact to ward) would read
 * that LSOA exactly through it. Areas are judged by the base areas they contain, so it counts as
 * an LSOA for every role.
 */
class OperatorMadeAreaAttackTest extends SightlineTest {

    private static final String OPERATOR_AREA = "Z99000001";
    private static final String LSOA = "Z01000600";

    @BeforeEach
    void anOperatorDeclaresACombinedAuthorityAroundOneLsoa() {
        String csv = "area_code,area_name,area_type,parent_code,hierarchy\n"
                + OPERATOR_AREA + ",Operator area,cauth,,\n"
                + LSOA + "," + LSOA + ",lsoa," + OPERATOR_AREA + ",cauth\n";
        assertThat(admin().post("/api/v1/geography", csv.getBytes(StandardCharsets.UTF_8), "text/csv").status()).isEqualTo(200);
    }

    @Test
    void theOperatorsAreaHoldsExactlyTheLsoaSoTheAttackWouldWork() {
        Map<String, Long> viaArea = Answers.counts(Answers.rows(api("demo-steward"), question(OPERATOR_AREA)));
        Map<String, Long> viaLsoa = Answers.counts(Answers.rows(api("demo-steward"), question(LSOA)));
        assertThat(viaArea).hasSize(viaLsoa.size()).isNotEmpty();
        viaLsoa.forEach((cell, count) -> assertThat(viaArea.get(cell.replace(LSOA, OPERATOR_AREA))).isEqualTo(count));
    }

    @Test
    void noRoleBelowTheStewardReadsTheLsoaThroughIt() {
        for (String key : new String[] {"demo-analyst", "demo-partner", "demo-admin", null}) {
            JsonNode refused = Answers.response(key == null ? api() : api(key), question(OPERATOR_AREA));
            assertThat(refused.at("/errors/0/extensions/classification").asString()).as(String.valueOf(key)).isEqualTo("FORBIDDEN");
            assertThat(refused.at("/errors/0/message").asString()).as(String.valueOf(key)).contains(OPERATOR_AREA).contains("lsoa");
        }
    }

    @Test
    void askingForEveryCombinedAuthorityIsRefusedTooRatherThanAnsweredWithTheLsoaInside() {
        Map<String, Object> allCombinedAuthorities = Map.of("indicator", DemoDataSet.SERVICE_CONTACTS,
                "areas", Map.of("level", "cauth"), "breakdown", List.of("sex"));
        assertThat(Answers.refusal(api("demo-analyst"), allCombinedAuthorities)).isEqualTo("FORBIDDEN");
    }

    private static Map<String, Object> question(String area) {
        return Map.of("indicator", DemoDataSet.SERVICE_CONTACTS, "areas", Map.of("codes", List.of(area)), "breakdown", List.of("sex"));
    }
}
