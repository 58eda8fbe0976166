package org.sightline.api.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.sightline.api.Api;
import org.sightline.api.SightlineTest;
import org.sightline.api.agreements.AgreementStatus;
import org.sightline.api.agreements.Agreements;
import org.sightline.api.demo.DemoDataSet;
import org.sightline.api.security.ApiKeys;
import org.sightline.domain.access.Role;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * What each role sees of the SENSITIVE demo indicator (adult social care contacts by need and
 * sex): noise for the public, suppression for partners, exact values for the owning steward and
 * agreement-holding analysts (audited), refusals that name the rule, 401 for bad credentials.
 */
class DisclosureByRoleTest extends SightlineTest {

    private static final String QUERY = """
            query($q: ObservationQuery!) { observations(query: $q, first: 10000) { totalCount edges { node {
              area { code } characteristics { code } value count
              disclosure { status reason mechanism epsilon rho noiseInterval } } } } }""";

    @Autowired
    ApiKeys apiKeys;

    @Autowired
    Agreements agreements;

    @Autowired
    DSLContext db;

    @Test
    void theSamePublicQueryAskedAThousandTimesGetsTheSameNoisyAnswer() {
        Map<String, Object> q = wardsBySex("Z08000001");
        List<JsonNode> first = rows(api(), q);
        Map<String, Long> truth = counts(rows(api("demo-steward"), q));
        for (int i = 0; i < 999; i++) {
            assertThat(rows(api(), q)).isEqualTo(first);
        }
        // Averaging identical answers gives that answer: no closer to the truth than one answer.
        assertThat(first).allSatisfy(r -> assertThat(r.at("/disclosure/status").asString()).isIn("NOISED", "SUPPRESSED"));
        Map<String, Long> noisy = counts(first);
        assertThat(noisy.keySet()).isEqualTo(truth.keySet());
        long differing = noisy.entrySet().stream().filter(e -> e.getValue() != null && !e.getValue().equals(truth.get(e.getKey()))).count();
        assertThat(differing).as("noise changes most published values").isGreaterThan(noisy.size() / 2);
    }

    @Test
    void anEquivalentQuestionGetsTheSameNoise() {
        Map<String, Object> byLevel = wardsBySex("Z08000002");
        Map<String, Object> byCodes = new HashMap<>(byLevel);
        List<String> wards = new ArrayList<>();
        for (int w = 21; w <= 40; w++) {
            wards.add(String.format("Z05%06d", w));
        }
        byCodes.put("areas", Map.of("codes", wards));
        assertThat(rows(api(), byCodes)).isEqualTo(rows(api(), byLevel));
    }

    @Test
    void everyPublicCellComesFromTheTablesDrawnOnceSaysSoAndTheTableAddsUp() {
        Map<String, Object> q = new HashMap<>(wardsBySex("Z08000003"));
        q.put("breakdown", List.of("need", "sex"));
        List<JsonNode> published = rows(api(), q);
        assertThat(published).hasSize(20 * 6 * 2);
        Map<String, Long> bySexFromNeeds = new HashMap<>();
        for (JsonNode r : published) {
            assertThat(r.at("/disclosure/status").asString()).isEqualTo("NOISED");
            assertThat(r.get("count").asLong()).isGreaterThanOrEqualTo(0);
            assertThat(r.get("count").asDouble()).isEqualTo(Math.rint(r.get("count").asDouble()));
            assertThat(r.at("/disclosure/rho").asDouble()).isPositive();
            assertThat(r.at("/disclosure/epsilon").asDouble()).isPositive();
            assertThat(r.at("/disclosure/noiseInterval").asDouble()).isPositive();
            assertThat(r.at("/disclosure/mechanism").asString()).contains("discrete-gaussian").contains("least-squares");
            bySexFromNeeds.merge(r.at("/area/code").asString() + "/" + r.at("/characteristics/1/code").asString(),
                    r.get("count").asLong(), Long::sum);
        }
        // The needs of each ward and sex add up exactly to the ward's published total for that sex.
        assertThat(counts(rows(api(), wardsBySex("Z08000003")))).isEqualTo(bySexFromNeeds);
        // The table does hold true small counts, which the public values are not.
        Map<String, Object> truthQuestion = new HashMap<>(q);
        List<JsonNode> truth = rows(api("demo-steward"), truthQuestion);
        assertThat(truth).anyMatch(r -> r.get("count").asLong() >= 1 && r.get("count").asLong() <= 4);
        long differing = 0;
        for (int i = 0; i < truth.size(); i++) {
            differing += truth.get(i).get("count").asLong() == published.get(i).get("count").asLong() ? 0 : 1;
        }
        assertThat(differing).as("noise changes most published values").isGreaterThan(published.size() / 2);
    }

    @Test
    void partnersNeverSeeCountsOfOneToFour() {
        Map<String, Object> q = new HashMap<>(wardsBySex("Z08000004"));
        q.put("breakdown", List.of("need", "sex"));
        List<JsonNode> published = rows(api("demo-partner"), q);
        Set<String> reasons = new HashSet<>();
        assertThat(published).isNotEmpty().allSatisfy(r -> {
            if (r.get("count").isNull()) {
                assertThat(r.at("/disclosure/status").asString()).isEqualTo("SUPPRESSED");
                assertThat(r.at("/disclosure/mechanism").asString()).isEqualTo("cell-suppression");
                reasons.add(r.at("/disclosure/reason").asString());
            } else {
                assertThat(r.get("count").asLong()).matches(c -> c == 0 || c >= 5, "not a count of 1 to 4");
            }
        });
        // Every withheld cell says the same thing, so the reason does not tell small cells apart.
        assertThat(reasons).hasSize(1);
        long withheld = published.stream().filter(r -> r.get("count").isNull()).count();
        long small = rows(api("demo-steward"), q).stream().filter(r -> r.get("count").asLong() >= 1 && r.get("count").asLong() <= 4).count();
        assertThat(small).isPositive();
        assertThat(withheld).as("complementary cells are withheld too").isGreaterThan(small);
    }

    @Test
    void theOwningStewardSeesExactValuesAndIsAudited() throws IOException {
        Map<String, Long> truth = new HashMap<>();
        Map<String, String> wardOfLsoa = new HashMap<>();
        for (CSVRecord r : csv(new DemoDataSet().geographyCsv())) {
            if (r.get("area_type").equals("lsoa") && r.get("hierarchy").equals("admin")) {
                wardOfLsoa.put(r.get("area_code"), r.get("parent_code"));
            }
        }
        for (CSVRecord r : csv(new DemoDataSet().releaseCsv(DemoDataSet.SERVICE_CONTACTS))) {
            if (r.get("period").equals("2023/24")) {
                truth.merge(wardOfLsoa.get(r.get("area_code")) + "/" + r.get("sex"), Long.parseLong(r.get("count")), Long::sum);
            }
        }
        long auditedBefore = auditEvents();
        List<JsonNode> exact = rows(api("demo-steward"), wardsBySex("Z08000005"));

        assertThat(exact).hasSize(40).allSatisfy(r -> assertThat(r.at("/disclosure/status").asString()).isEqualTo("EXACT"));
        counts(exact).forEach((key, count) -> assertThat(count).as(key).isEqualTo(truth.get(key)));
        assertThat(auditEvents()).isEqualTo(auditedBefore + 1);
        assertThat(db.fetchOne("select caller, role, query from audit_event order by id desc limit 1").get(1, String.class))
                .isEqualTo("STEWARD");
    }

    @Test
    void analystsNeedALiveAgreementCoveringTheIndicator() {
        List<JsonNode> underAgreement = rows(api("demo-analyst"), wardsBySex("Z08000001"));
        assertThat(underAgreement).allSatisfy(r -> assertThat(r.at("/disclosure/status").asString()).isEqualTo("EXACT"));

        int police = db.fetchOne("select id from organisation where code = 'demo-wessex-police'").get(0, Integer.class);
        apiKeys.register("test-analyst-without-agreement", "test", police, Role.ANALYST);
        assertThat(errorOf(api("test-analyst-without-agreement"), wardsBySex("Z08000001"))).isEqualTo("FORBIDDEN");

        agreements.setStatus("demo-wessex-jsna", AgreementStatus.SUSPENDED);
        try {
            assertThat(errorOf(api("demo-analyst"), wardsBySex("Z08000001"))).isEqualTo("FORBIDDEN");
        } finally {
            agreements.setStatus("demo-wessex-jsna", AgreementStatus.APPROVED);
        }
    }

    @Test
    void analystsBelowWardLevelGetSuppressionThatNeverLeansOnTheWardFiguresTheySeeExactly() {
        Map<String, Object> lsoas = Map.of("indicator", DemoDataSet.SERVICE_CONTACTS,
                "areas", Map.of("within", "Z05000002", "level", "lsoa"), "breakdown", List.of("sex"));
        JsonNode response = api("demo-analyst").graphql(QUERY, Map.of("q", lsoas));
        if (response.has("errors")) {
            assertThat(response.at("/errors/0/extensions/classification").asString()).isEqualTo("FORBIDDEN");
            assertThat(response.at("/errors/0/message").asString()).contains("consistent with the exact ward");
        } else {
            response.at("/data/observations/edges").forEach(e -> {
                JsonNode count = e.at("/node/count");
                assertThat(count.isNull() || count.asLong() == 0 || count.asLong() >= 5).isTrue();
            });
        }
        List<JsonNode> wards = rows(api("demo-analyst"), wardsBySex("Z08000001"));
        assertThat(wards).allSatisfy(r -> assertThat(r.at("/disclosure/status").asString()).isEqualTo("EXACT"));
    }

    @Test
    void aConfiguredRoundingPolicyRoundsEveryReleasedCountAndRefusesFinerLevels() {
        Map<String, Object> districts = Map.of("indicator", DemoDataSet.SAFEGUARDING_CONCERNS,
                "areas", Map.of("within", DemoDataSet.REGION, "level", "lad"), "breakdown", List.of("sex"));
        List<JsonNode> rounded = rows(api("demo-analyst"), districts);
        assertThat(rounded).hasSize(10).allSatisfy(r -> {
            if (!r.get("count").isNull()) {
                assertThat(r.at("/disclosure/status").asString()).isEqualTo("ROUNDED");
                assertThat(r.get("count").asLong() % 5).isZero();
            }
        });
        Map<String, Long> truth = counts(rows(api("demo-steward"), districts));
        assertThat(counts(rounded)).isNotEqualTo(truth);
        JsonNode wards = api("demo-analyst").graphql(QUERY, Map.of("q", Map.of("indicator", DemoDataSet.SAFEGUARDING_CONCERNS,
                "areas", Map.of("within", "Z08000001", "level", "ward"))));
        assertThat(wards.at("/errors/0/extensions/classification").asString()).isEqualTo("FORBIDDEN");
    }

    @Test
    void levelsFinerThanTheRoleMaySeeAreRefusedNamingTheRule() {
        Map<String, Object> lsoas = Map.of("indicator", DemoDataSet.SERVICE_CONTACTS,
                "areas", Map.of("within", "Z05000001", "level", "lsoa"));
        JsonNode response = api().graphql(QUERY, Map.of("q", lsoas));
        assertThat(response.at("/errors/0/extensions/classification").asString()).isEqualTo("FORBIDDEN");
        assertThat(response.at("/errors/0/message").asString()).contains("ward level or coarser").contains("lsoa");
        JsonNode byCode = api("demo-partner").graphql(QUERY, Map.of("q", Map.of("indicator", DemoDataSet.SERVICE_CONTACTS,
                "areas", Map.of("codes", List.of("Z01000001")))));
        assertThat(byCode.at("/errors/0/extensions/classification").asString()).isEqualTo("FORBIDDEN");
        // The steward may look at its own data at any level.
        assertThat(rows(api("demo-steward"), lsoas)).hasSize(6);
    }

    @Test
    void questionsWithMoreCellsThanAllowedAreRefusedNamingTheLimit() {
        JsonNode response = api().graphql(QUERY, Map.of("q", Map.of("indicator", DemoDataSet.POPULATION,
                "areas", Map.of("within", DemoDataSet.REGION, "level", "lsoa"), "breakdown", List.of("sex", "age_band"),
                "periods", Map.of("from", "2019", "to", "2023"))));
        assertThat(response.at("/errors/0/extensions/classification").asString()).isEqualTo("BAD_REQUEST");
        assertThat(response.at("/errors/0/message").asString()).contains("more cells than the 10000").doesNotContainPattern("\\b36000\\b");
    }

    @Test
    void badCredentialsAreRefusedNeverTreatedAsPublic() {
        Map<String, Object> q = wardsBySex("Z08000001");
        Api.Response unknown = new Api(port, "no-such-key").graphqlResponse(QUERY, Map.of("q", q));
        assertThat(unknown.status()).isEqualTo(401);
        assertThat(unknown.body().get("message").asString()).contains("unknown API key");

        int police = db.fetchOne("select id from organisation where code = 'demo-wessex-police'").get(0, Integer.class);
        apiKeys.register("test-revoked-key", "test", police, Role.PARTNER);
        assertThat(new Api(port, "test-revoked-key").graphqlResponse(QUERY, Map.of("q", q)).status()).isEqualTo(200);
        apiKeys.revoke("test-revoked-key");
        assertThat(new Api(port, "test-revoked-key").graphqlResponse(QUERY, Map.of("q", q)).status()).isEqualTo(401);

        byte[] csv = "area_code,area_name,area_type,parent_code,hierarchy\n".getBytes(StandardCharsets.UTF_8);
        assertThat(api().post("/api/v1/geography", csv, "text/csv").status()).isEqualTo(401);
        assertThat(api("demo-partner").post("/api/v1/geography", csv, "text/csv").status()).isEqualTo(403);
    }

    private long auditEvents() {
        return db.fetchOne("select count(*) from audit_event").get(0, Long.class);
    }

    private static Map<String, Object> wardsBySex(String district) {
        return Map.of("indicator", DemoDataSet.SERVICE_CONTACTS, "areas", Map.of("within", district, "level", "ward"),
                "breakdown", List.of("sex"));
    }

    private static List<JsonNode> rows(Api api, Map<String, Object> q) {
        JsonNode connection = api.data(QUERY, Map.of("q", q)).get("observations");
        List<JsonNode> rows = new ArrayList<>();
        connection.get("edges").forEach(e -> rows.add(e.get("node")));
        return rows;
    }

    private static Map<String, Long> counts(List<JsonNode> rows) {
        Map<String, Long> counts = new HashMap<>();
        Set<String> seen = new HashSet<>();
        for (JsonNode r : rows) {
            String key = r.at("/area/code").asString() + "/" + r.at("/characteristics/0/code").asString();
            assertThat(seen.add(key)).isTrue();
            counts.put(key, r.get("count").isNull() ? null : r.get("count").asLong());
        }
        return counts;
    }

    private static String errorOf(Api api, Map<String, Object> q) {
        JsonNode response = api.graphql(QUERY, Map.of("q", q));
        assertThat(response.has("errors")).isTrue();
        return response.at("/errors/0/extensions/classification").asString();
    }

    private static List<CSVRecord> csv(byte[] content) throws IOException {
        return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(new String(content, StandardCharsets.UTF_8))).getRecords();
    }
}
