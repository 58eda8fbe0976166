package org.sightline.api.releases;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.sightline.api.Api;
import org.sightline.api.SightlineTest;
import org.sightline.api.agreements.Agreements;
import org.sightline.api.organisations.Organisations;
import org.sightline.api.security.ApiKeys;
import org.sightline.domain.access.Role;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Releases grown up: the history with provenance, questions "as of" an earlier release, a
 * correction that supersedes what it corrects and keeps it, and a steward's withdrawal after which
 * the earlier data - and its protection - is what callers get again.
 */
class ReleaseHistoryTest extends SightlineTest {

    /** The six LSOAs of the demo's first ward (Z05000001), which is in district Z08000001. */
    private static final List<String> WARD_1_LSOAS = List.of("Z01000001", "Z01000002", "Z01000003", "Z01000004", "Z01000005", "Z01000006");
    private static final String WARD_1 = "Z05000001";

    @Autowired
    Agreements agreements;
    @Autowired
    Organisations organisations;
    @Autowired
    ApiKeys apiKeys;

    @Test
    void aCorrectionSupersedesTheReleaseItCorrectsAndQuestionsCanBeAskedAsOfTheEarlierOne() throws Exception {
        String indicator = "test-history-open";
        define(indicator, "OPEN");
        Cells v1 = Cells.random(1, List.of("2021", "2022"));
        Cells v2 = Cells.random(2, List.of("2023"));
        Cells v3 = Cells.random(3, List.of("2021", "2022"));
        long first = created(upload(indicator, v1.csv(), ""));
        long second = created(upload(indicator, v2.csv(), ""));

        // A correction must say why, must name a current release of the indicator, and must cover all its periods.
        assertThat(upload(indicator, v3.csv(), "?corrects=" + first).status()).isEqualTo(400);
        Api.Response partial = upload(indicator, Cells.random(4, List.of("2021")).csv(), "?corrects=" + first + "&reason=x");
        assertThat(partial.status()).isEqualTo(422);
        assertThat(partial.body().get("message").asString()).contains("2022");
        assertThat(upload(indicator, v3.csv(), "?corrects=999999&reason=x").status()).isEqualTo(404);
        assertThat(releases(indicator, api())).hasSize(2);

        String reason = "2021 and 2022 double-counted transfers between teams";
        Api.Response correction = upload(indicator, v3.csv(), "?corrects=" + first + "&reason=" + reason.replace(" ", "+"));
        long third = created(correction);

        // The history, newest first, with its provenance.
        List<JsonNode> history = releases(indicator, api("demo-steward"));
        assertThat(history).extracting(r -> r.get("id").asLong()).containsExactly(third, second, first);
        assertThat(history).extracting(r -> r.get("status").asString()).containsExactly("PUBLISHED", "PUBLISHED", "SUPERSEDED");
        assertThat(history.get(0).get("corrects").asLong()).isEqualTo(first);
        assertThat(history.get(0).get("correctionReason").asString()).isEqualTo(reason);
        assertThat(history.get(0).get("fileSha256").asString()).isEqualTo(sha256(v3.csv()));
        assertThat(history.get(0).get("organisation").asString()).isEqualTo("Wessex County Council (demo)");
        assertThat(history.get(0).get("uploadedBy").isNull()).isFalse();
        assertThat(history.get(0).get("cells").asInt()).isEqualTo(v3.rows());
        assertThat(history.get(2).get("supersededAt").isNull()).isFalse();
        assertThat(history.get(2).get("periods")).extracting(JsonNode::asString).containsExactly("2021", "2022");
        // Who sent it and how many cells it holds are for the owner's steward and operators only.
        List<JsonNode> publicView = releases(indicator, api());
        assertThat(publicView.get(0).get("uploadedBy").isNull()).isTrue();
        assertThat(publicView.get(0).get("cells").isNull()).isTrue();
        assertThat(publicView.get(0).get("fileSha256").asString()).isEqualTo(sha256(v3.csv()));

        // A superseded release cannot be corrected again.
        assertThat(upload(indicator, v3.csv().replace("\n", "\r\n"), "?corrects=" + first + "&reason=again").status()).isEqualTo(409);

        // Current data: the correction for 2021-22, the second release for 2023.
        Map<String, Long> expectedNow = new LinkedHashMap<>(v3.wardTotals());
        expectedNow.putAll(v2.wardTotals());
        assertThat(wardTotals(api(), indicator, null)).isEqualTo(expectedNow);
        // As of the second release: the first release's 2021-22, the second's 2023.
        Map<String, Long> expectedAsOfSecond = new LinkedHashMap<>(v1.wardTotals());
        expectedAsOfSecond.putAll(v2.wardTotals());
        assertThat(wardTotals(api(), indicator, second)).isEqualTo(expectedAsOfSecond);
        // As of the first: only what it held; its latest period is the latest then.
        assertThat(wardTotals(api(), indicator, first)).isEqualTo(v1.wardTotals());
        assertThat(latestPeriodAsOf(indicator, first)).isEqualTo("2022");
        assertThat(latestPeriodAsOf(indicator, null)).isEqualTo("2023");

        // A release of another indicator, or none at all, is a clear error, not an empty answer.
        long otherIndicatorsRelease = releases("demo-population", api()).get(0).get("id").asLong();
        JsonNode wrong = askAsOf(indicator, otherIndicatorsRelease);
        assertThat(wrong.at("/errors/0/extensions/classification").asString()).isEqualTo("NOT_FOUND");
        assertThat(wrong.at("/errors/0/message").asString()).contains("has no release " + otherIndicatorsRelease);

        // Withdrawing the correction: the first release is current again, the correction is kept but never read.
        JsonNode withdrawn = api("demo-steward").data("""
                mutation($id: ID!) { withdrawRelease(id: $id, reason: "The correction itself was wrong") {
                  id status withdrawnAt withdrawnBy withdrawalReason } }""", Map.of("id", Long.toString(third))).get("withdrawRelease");
        assertThat(withdrawn.get("status").asString()).isEqualTo("WITHDRAWN");
        assertThat(withdrawn.get("withdrawalReason").asString()).isEqualTo("The correction itself was wrong");
        assertThat(withdrawn.get("withdrawnBy").isNull()).isFalse();
        assertThat(releases(indicator, api())).extracting(r -> r.get("status").asString())
                .containsExactly("WITHDRAWN", "PUBLISHED", "PUBLISHED");
        assertThat(wardTotals(api(), indicator, null)).isEqualTo(expectedAsOfSecond);
        assertThat(askAsOf(indicator, third).at("/errors/0/extensions/classification").asString()).isEqualTo("NOT_FOUND");
        JsonNode again = api("demo-steward").graphql("""
                mutation($id: ID!) { withdrawRelease(id: $id, reason: "again") { id } }""", Map.of("id", Long.toString(third)));
        assertThat(again.at("/errors/0/extensions/classification").asString()).isEqualTo("BAD_REQUEST");
        assertThat(again.at("/errors/0/message").asString()).contains("withdrawn already");
    }

    @Test
    void onlyTheOwningStewardOrAnOperatorWithdrawsAReleaseAndARefusalChangesNothing() {
        String indicator = "test-history-withdrawal-rights";
        define(indicator, "OPEN");
        long release = created(upload(indicator, Cells.random(5, List.of("2021")).csv(), ""));
        int otherCouncil = organisations.ensure("test-other-council", "Another council (test)", "COUNCIL");
        apiKeys.register("test-other-council-steward", "steward of another council (test)", otherCouncil, Role.STEWARD);

        Map<String, Api> refused = new LinkedHashMap<>();
        refused.put("PUBLIC", api());
        refused.put("PARTNER", api("demo-partner"));
        refused.put("ANALYST", api("demo-analyst"));
        refused.put("STEWARD of another organisation", api("test-other-council-steward"));
        for (Map.Entry<String, Api> caller : refused.entrySet()) {
            JsonNode response = caller.getValue().graphql("""
                    mutation($id: ID!) { withdrawRelease(id: $id, reason: "not mine to withdraw") { id } }""",
                    Map.of("id", Long.toString(release)));
            assertThat(response.at("/errors/0/extensions/classification").asString()).as(caller.getKey()).isEqualTo("FORBIDDEN");
            assertThat(releases(indicator, api()).get(0).get("status").asString()).as(caller.getKey()).isEqualTo("PUBLISHED");
        }
        JsonNode byOperator = admin().data("""
                mutation($id: ID!) { withdrawRelease(id: $id, reason: "withdrawn by the operator") { status } }""",
                Map.of("id", Long.toString(release)));
        assertThat(byOperator.at("/withdrawRelease/status").asString()).isEqualTo("WITHDRAWN");
        JsonNode blankReason = admin().graphql("""
                mutation { withdrawRelease(id: "1", reason: " ") { id } }""", Map.of());
        assertThat(blankReason.at("/errors/0/extensions/classification").asString()).isEqualTo("BAD_REQUEST");
    }

    @Test
    void protectionFollowsWhicheverReleaseIsCurrentAndAnEarlierReleaseIsAnsweredAsItWasThen() {
        String indicator = "test-history-sensitive";
        define(indicator, "SENSITIVE");
        long first = created(upload(indicator, Cells.random(6, List.of("2022")).csv(), ""));
        Map<String, JsonNode> whenFirstWasCurrent = answersByRole(indicator, null);

        created(upload(indicator, Cells.random(7, List.of("2022")).csv(), "?corrects=" + first + "&reason=late+returns"));
        Map<String, JsonNode> corrected = answersByRole(indicator, null);
        assertThat(corrected.get("PUBLIC")).isNotEqualTo(whenFirstWasCurrent.get("PUBLIC"));

        // Asked as of the first release, every role gets what it got then: the same protected numbers.
        assertThat(answersByRole(indicator, first)).isEqualTo(whenFirstWasCurrent);

        long correction = releases(indicator, api()).get(0).get("id").asLong();
        api("demo-steward").data("""
                mutation($id: ID!) { withdrawRelease(id: $id, reason: "sent to the wrong indicator") { id } }""",
                Map.of("id", Long.toString(correction)));
        assertThat(answersByRole(indicator, null)).isEqualTo(whenFirstWasCurrent);
    }

    @Test
    void aReleaseNamesTheAgreementItWasSharedUnderOnlyWhenThatAgreementCoversIt() {
        String indicator = "test-history-agreement";
        define(indicator, "OPEN");
        int council = organisations.ensure("demo-wessex-council", "Wessex County Council (demo)", "COUNCIL");
        Cells cells = Cells.random(8, List.of("2021"));

        Api.Response notCovering = upload(indicator, cells.csv(), "?agreement=demo-wessex-jsna");
        assertThat(notCovering.status()).isEqualTo(422);
        assertThat(notCovering.body().get("message").asString()).contains("does not cover");
        assertThat(upload(indicator, cells.csv(), "?agreement=no-such-agreement").status()).isEqualTo(422);
        assertThat(releases(indicator, api())).isEmpty();

        int indicatorDbId = db().fetchOne("SELECT id FROM indicator WHERE slug = ?", indicator).get(0, Integer.class);
        agreements.ensure("test-history-sharing", "Test sharing agreement", "Testing provenance", "Consent", "LIVE",
                java.time.LocalDate.of(2020, 1, 1), null, List.of(council), List.of(indicatorDbId));
        created(upload(indicator, cells.csv(), "?agreement=test-history-sharing&method=counted+by+hand"));
        JsonNode release = releases(indicator, api()).get(0);
        assertThat(release.get("agreement").asString()).isEqualTo("test-history-sharing");
        assertThat(release.get("method").asString()).isEqualTo("counted by hand");
    }

    // --- helpers ---

    @Autowired
    org.jooq.DSLContext db;

    private org.jooq.DSLContext db() {
        return db;
    }

    /** Per role, the rows of a district-level question about ward 1's district (values and disclosure). */
    private Map<String, JsonNode> answersByRole(String indicator, Long asOf) {
        Map<String, JsonNode> answers = new LinkedHashMap<>();
        Map<String, Api> callers = new LinkedHashMap<>();
        callers.put("PUBLIC", api());
        callers.put("PARTNER", api("demo-partner"));
        callers.put("STEWARD", api("demo-steward"));
        for (Map.Entry<String, Api> caller : callers.entrySet()) {
            Map<String, Object> variables = new HashMap<>();
            variables.put("indicator", indicator);
            variables.put("asOf", asOf == null ? null : Long.toString(asOf));
            answers.put(caller.getKey(), caller.getValue().data("""
                    query($indicator: ID!, $asOf: ID) {
                      observations(query: {indicator: $indicator, areas: {codes: ["Z08000001", "Z12000001"]}, breakdown: ["sex"], asOf: $asOf}) {
                        edges { node { area { code } characteristics { code } value count disclosure { status } } } } }""",
                    variables).get("observations"));
        }
        return answers;
    }

    private void define(String id, String disclosureClass) {
        Map<String, Object> body = new HashMap<>();
        body.put("id", id);
        body.put("title", "Release history (test, " + id + ")");
        body.put("definition", "Contacts, to test release history.");
        body.put("unit", "contacts");
        body.put("measureType", "ADDITIVE_COUNT");
        body.put("multiplier", 1);
        body.put("polarity", "NO_JUDGEMENT");
        body.put("disclosureClass", disclosureClass);
        body.put("source", "Test suite");
        body.put("licence", "OGL v3.0");
        body.put("characteristicTypes", List.of("sex"));
        assertThat(admin().postJson("/api/v1/indicators", body).status()).isIn(200, 201);
    }

    private Api.Response upload(String indicator, String csv, String query) {
        return api("demo-steward").post("/api/v1/indicators/" + indicator + "/releases" + query,
                csv.getBytes(StandardCharsets.UTF_8), "text/csv");
    }

    private static long created(Api.Response response) {
        assertThat(response.status()).as(response.body().toString()).isEqualTo(201);
        return response.body().get("releaseId").asLong();
    }

    private List<JsonNode> releases(String indicator, Api caller) {
        JsonNode data = caller.data("""
                query($id: ID!) { releases(indicator: $id) { id version status periods organisation uploadedBy cells fileSha256
                  method agreement corrects correctionReason supersededAt withdrawnAt withdrawalReason } }""", Map.of("id", indicator));
        List<JsonNode> list = new java.util.ArrayList<>();
        data.get("releases").forEach(list::add);
        return list;
    }

    private Map<String, Long> wardTotals(Api caller, String indicator, Long asOf) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("indicator", indicator);
        variables.put("asOf", asOf == null ? null : Long.toString(asOf));
        JsonNode data = caller.data("""
                query($indicator: ID!, $asOf: ID) {
                  observations(query: {indicator: $indicator, areas: {codes: ["%s"]}, periods: {from: "2000", to: "2030"}, asOf: $asOf}) {
                    edges { node { period { code } count } } } }""".formatted(WARD_1), variables);
        Map<String, Long> totals = new LinkedHashMap<>();
        data.at("/observations/edges").forEach(e -> totals.put(e.at("/node/period/code").asString(), e.at("/node/count").asLong()));
        return totals;
    }

    private String latestPeriodAsOf(String indicator, Long asOf) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("indicator", indicator);
        variables.put("asOf", asOf == null ? null : Long.toString(asOf));
        return api().data("""
                query($indicator: ID!, $asOf: ID) {
                  observations(query: {indicator: $indicator, areas: {codes: ["%s"]}, asOf: $asOf}) { edges { node { period { code } } } } }"""
                .formatted(WARD_1), variables).at("/observations/edges/0/node/period/code").asString();
    }

    private JsonNode askAsOf(String indicator, long release) {
        return api().graphql("""
                query($indicator: ID!, $asOf: ID) {
                  observations(query: {indicator: $indicator, areas: {codes: ["%s"]}, asOf: $asOf}) { edges { node { count } } } }"""
                .formatted(WARD_1), Map.of("indicator", indicator, "asOf", Long.toString(release)));
    }

    private static String sha256(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    /** A release file for ward 1's LSOAs by sex over some years, with seeded counts, and its own ward totals. */
    private record Cells(String csv, int rows, Map<String, Long> wardTotals) {

        static Cells random(long seed, List<String> years) {
            Random random = new Random(seed);
            StringBuilder csv = new StringBuilder("area_code,period,sex,count\n");
            Map<String, Long> totals = new LinkedHashMap<>();
            int rows = 0;
            for (String year : years) {
                for (String lsoa : WARD_1_LSOAS) {
                    for (String sex : List.of("F", "M")) {
                        long count = 20 + random.nextInt(200);
                        csv.append(lsoa).append(',').append(year).append(',').append(sex).append(',').append(count).append('\n');
                        totals.merge(year, count, Long::sum);
                        rows++;
                    }
                }
            }
            return new Cells(csv.toString(), rows, totals);
        }
    }
}
