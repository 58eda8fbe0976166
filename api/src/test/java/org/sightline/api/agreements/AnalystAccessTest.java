package org.sightline.api.agreements;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.sightline.api.Api;
import org.sightline.api.demo.DemoDataSet;
import org.sightline.api.time.ServiceClock;
import tools.jackson.databind.JsonNode;

/**
 * An analyst's access follows the agreement, by the service's clock and on the next question:
 * exact values up to and on the end date, the treatment of an analyst without an agreement the
 * day after; none while suspended, again once reinstated; and the steward who owns the data reads
 * who saw it, under which agreement and for which purpose.
 */
class AnalystAccessTest extends RegisterTestBase {

    private static final String QUESTION = """
            query($q: ObservationQuery!) { observations(query: $q, first: 1000) { edges { node {
              area { code } characteristics { code } count disclosure { status } } } } }""";

    private static final String ACCESS_LOG = """
            query($indicator: ID!, $first: Int, $after: String) { accessLog(indicator: $indicator, first: $first, after: $after) {
              totalCount pageInfo { hasNextPage endCursor }
              edges { node { at caller callerLabel role organisation { code } agreement purpose indicator query exactCells } } } }""";

    /** Wards of Casterbridge by sex in the latest year, the question the analysts ask. */
    private static final Map<String, Object> WARDS_BY_SEX = Map.of("indicator", DemoDataSet.SERVICE_CONTACTS,
            "areas", Map.of("within", "Z08000001", "level", "ward"), "breakdown", List.of("sex"), "periods", Map.of("codes", List.of("2023/24")));

    private static final LocalDate START = LocalDate.of(2025, 1, 1);
    private static final LocalDate END = LocalDate.of(2025, 12, 31);

    @Test
    void anAnalystLosesAccessTheDayAfterTheEndDateWithoutAnyBatchJob() throws IOException {
        String id = freshId("clock");
        Party party = freshParty();
        Map<String, Long> truth = trueCountsByWardAndSex();
        try {
            at(LocalDate.of(2025, 3, 1));
            approved(party, id, START, END, LocalDate.of(2025, 9, 30));

            at(END.minusDays(1));
            assertExactAndTrue(answer(api(party.analyst())), truth);
            at(END);
            assertExactAndTrue(answer(api(party.analyst())), truth);
            assertThat(read(id).get("live").asBoolean()).isTrue();

            at(END.plusDays(1));
            JsonNode refused = api(party.analyst()).graphql(QUESTION, Map.of("q", WARDS_BY_SEX));
            JsonNode withoutAgreement = api(FIRE_ANALYST).graphql(QUESTION, Map.of("q", WARDS_BY_SEX));
            assertThat(classification(withoutAgreement)).isEqualTo("FORBIDDEN");
            assertThat(refused.get("errors")).isEqualTo(withoutAgreement.get("errors"));
            assertThat(refused.get("data")).isEqualTo(withoutAgreement.get("data"));
            JsonNode expired = read(id);
            assertThat(expired.get("status").asString()).isEqualTo("EXPIRED");
            assertThat(expired.get("live").asBoolean()).isFalse();
            // Nobody ended it: the recorded history stops at the approval.
            assertThat(expired.at("/history").get(expired.get("history").size() - 1).get("action").asString()).isEqualTo("APPROVED");
            // Nor can it be brought back.
            assertThat(message(api("demo-steward").graphql(SUSPEND, Map.of("id", id, "reason", "too late"))))
                    .contains("EXPIRED").contains("end date 2025-12-31 has passed");
        } finally {
            clock.reset();
        }
    }

    @Test
    void suspensionStopsAccessOnTheNextQuestionAndReinstatingRestoresIt() throws IOException {
        String id = freshId("suspend");
        Party party = freshParty();
        Map<String, Long> truth = trueCountsByWardAndSex();
        try {
            at(LocalDate.of(2025, 6, 1));
            approved(party, id, START, END, LocalDate.of(2025, 9, 30));
            assertExactAndTrue(answer(api(party.analyst())), truth);

            JsonNode suspended = agreementOf(api("demo-steward"), SUSPEND, Map.of("id", id, "reason", "breach under investigation"));
            assertThat(suspended.get("status").asString()).isEqualTo("SUSPENDED");
            JsonNode refused = api(party.analyst()).graphql(QUESTION, Map.of("q", WARDS_BY_SEX));
            assertThat(classification(refused)).isEqualTo("FORBIDDEN");
            assertThat(message(refused)).contains("live data sharing agreement");

            JsonNode reinstated = agreementOf(api("demo-steward"), REINSTATE, Map.of("id", id, "reason", "investigation closed"));
            assertThat(reinstated.get("status").asString()).isEqualTo("APPROVED");
            assertExactAndTrue(answer(api(party.analyst())), truth);

            // The history says who did each, when, from what to what and why.
            List<JsonNode> statusChanges = new ArrayList<>();
            reinstated.get("history").forEach(c -> {
                if (c.get("field").asString().equals("status")) {
                    statusChanges.add(c);
                }
            });
            assertThat(statusChanges).extracting(c -> c.get("action").asString() + ":" + (c.get("from").isNull() ? "none" : c.get("from").asString()) + "->"
                    + c.get("to").asString() + ":" + c.get("by").asString())
                    .containsExactly("CREATED:none->DRAFT:" + party.stewardCallerId(),
                            "APPROVED:DRAFT->APPROVED:" + callerIds.get("demo-steward"),
                            "SUSPENDED:APPROVED->SUSPENDED:" + callerIds.get("demo-steward"),
                            "REINSTATED:SUSPENDED->APPROVED:" + callerIds.get("demo-steward"));
            assertThat(statusChanges.get(2).get("reason").asString()).isEqualTo("breach under investigation");
            assertThat(statusChanges.get(2).get("at").asString()).startsWith("2025-06-01");
        } finally {
            clock.reset();
        }
    }

    @Test
    void theOwningStewardReadsWhoSawTheirDataUnderWhichAgreementAndForWhichPurpose() throws IOException {
        String id = freshId("purpose");
        Party party = freshParty();
        try {
            at(LocalDate.of(2025, 6, 1));
            JsonNode agreement = approved(party, id, START, END, LocalDate.of(2025, 9, 30));
            List<JsonNode> seen = answer(api(party.analyst()));

            JsonNode log = api("demo-steward").data(ACCESS_LOG, Map.of("indicator", DemoDataSet.SERVICE_CONTACTS, "first", 5))
                    .get("accessLog");
            JsonNode newest = log.at("/edges/0/node");
            assertThat(newest.get("caller").asString()).isEqualTo(party.analystCallerId());
            assertThat(newest.get("callerLabel").asString()).isEqualTo("test analyst of " + party.code());
            assertThat(newest.get("role").asString()).isEqualTo("ANALYST");
            assertThat(newest.at("/organisation/code").asString()).isEqualTo(party.code());
            assertThat(newest.get("agreement").asString()).isEqualTo(id);
            assertThat(newest.get("purpose").asString()).isEqualTo(agreement.get("purpose").asString());
            assertThat(newest.get("exactCells").asInt()).isEqualTo(seen.size());
            assertThat(newest.get("at").asString()).startsWith("2025-06-01");
            assertThat(newest.get("query").asString()).contains(DemoDataSet.SERVICE_CONTACTS);

            // Paging goes on to older events, none twice.
            JsonNode next = api("demo-steward").data(ACCESS_LOG, Map.of("indicator", DemoDataSet.SERVICE_CONTACTS, "first", 5,
                    "after", log.at("/pageInfo/endCursor").asString())).get("accessLog");
            if (log.at("/pageInfo/hasNextPage").asBoolean()) {
                assertThat(next.get("edges")).isNotEmpty();
            }
            assertThat(log.get("totalCount").asInt()).isEqualTo(next.get("totalCount").asInt()).isGreaterThanOrEqualTo(1);

            // Only the owner's stewards and ADMINs read it; the refusal comes before anything is read.
            assertThat(admin().graphql(ACCESS_LOG, Map.of("indicator", DemoDataSet.SERVICE_CONTACTS)).has("errors")).isFalse();
            for (Api refused : List.of(api(), api("demo-partner"), api("demo-analyst"), api(party.analyst()), api(FIRE_STEWARD),
                    api(party.steward()))) {
                assertThat(classification(refused.graphql(ACCESS_LOG, Map.of("indicator", DemoDataSet.SERVICE_CONTACTS))))
                        .isEqualTo("FORBIDDEN");
            }
            assertThat(classification(api("demo-steward").graphql(ACCESS_LOG, Map.of("indicator", "no-such-indicator"))))
                    .isEqualTo("NOT_FOUND");
        } finally {
            clock.reset();
        }
    }

    /** Makes noon of {@code day} in the service's zone "now". */
    private void at(LocalDate day) {
        clock.set(day.atTime(LocalTime.NOON).atZone(ServiceClock.ZONE).toInstant());
    }

    private List<JsonNode> answer(Api analyst) {
        List<JsonNode> rows = new ArrayList<>();
        analyst.data(QUESTION, Map.of("q", WARDS_BY_SEX)).at("/observations/edges").forEach(e -> rows.add(e.get("node")));
        return rows;
    }

    /** Exact, every cell, and equal to an independent sum of the demo release (20 wards x 2 sexes). */
    private static void assertExactAndTrue(List<JsonNode> rows, Map<String, Long> truth) {
        assertThat(rows).hasSize(40).allSatisfy(r -> {
            assertThat(r.at("/disclosure/status").asString()).isEqualTo("EXACT");
            assertThat(r.get("count").asLong())
                    .isEqualTo(truth.get(r.at("/area/code").asString() + "/" + r.at("/characteristics/0/code").asString()));
        });
    }

    /** Counts of the demo release summed from LSOAs to wards, per ward and sex, in 2023/24. */
    private static Map<String, Long> trueCountsByWardAndSex() throws IOException {
        Map<String, String> wardOfLsoa = new HashMap<>();
        for (CSVRecord r : csv(new DemoDataSet().geographyCsv())) {
            if (r.get("area_type").equals("lsoa") && r.get("hierarchy").equals("admin")) {
                wardOfLsoa.put(r.get("area_code"), r.get("parent_code"));
            }
        }
        Map<String, Long> truth = new HashMap<>();
        for (CSVRecord r : csv(new DemoDataSet().releaseCsv(DemoDataSet.SERVICE_CONTACTS))) {
            if (r.get("period").equals("2023/24")) {
                truth.merge(wardOfLsoa.get(r.get("area_code")) + "/" + r.get("sex"), Long.parseLong(r.get("count")), Long::sum);
            }
        }
        return truth;
    }

    private static List<CSVRecord> csv(byte[] content) throws IOException {
        return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(new String(content, StandardCharsets.UTF_8))).getRecords();
    }
}
