package org.sightline.api.publictables;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.sightline.api.Api;
import org.sightline.api.SightlineTest;
import org.sightline.api.demo.DemoDataSet;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The public's tables as a user and an auditor see them: the stated loss is the composition of
 * the listed measurement set; public values add up (wards to their district, districts to the
 * region, values to their total); intervals of noisy values include the noise and hold the truth
 * at about their nominal rate; repeated and rephrased questions get sums of the same cells.
 */
class PublicTablesTest extends SightlineTest {

    private static final String LOSS = """
            query($id: ID!) { indicator(id: $id) { privacyLoss { rho rhoExact epsilon delta mechanism tables } } }""";
    private static final String OBSERVATIONS = """
            query($q: ObservationQuery!) { observations(query: $q, first: 10000) { edges { node {
              area { code } period { code } characteristics { code } count lowerCI upperCI ciMethod
              disclosure { status noiseInterval } } } } }""";
    private static final Pattern SIGMA_SQUARED = Pattern.compile("\\(sigma\\^2 (\\d+)(?:/(\\d+))?\\)$");

    @Autowired
    DSLContext db;

    @Test
    void theStatedLossIsTheZcdpCompositionOfTheListedTables() {
        for (String indicator : List.of(DemoDataSet.SERVICE_CONTACTS, DemoDataSet.SAFEGUARDING_CONCERNS, DemoDataSet.CARE_HOME_ADMISSIONS)) {
            JsonNode loss = api().data(LOSS, Map.of("id", indicator)).at("/indicator/privacyLoss");
            // rho of a discrete Gaussian on a table of L2 sensitivity 1 is 1 / (2 sigma^2); rho adds.
            BigInteger numerator = BigInteger.ZERO;
            BigInteger denominator = BigInteger.ONE;
            for (JsonNode table : loss.get("tables")) {
                Matcher m = SIGMA_SQUARED.matcher(table.asString());
                assertThat(m.find()).as(table.asString()).isTrue();
                BigInteger p = new BigInteger(m.group(1));
                BigInteger q = m.group(2) == null ? BigInteger.ONE : new BigInteger(m.group(2));
                // + q / (2 p)
                numerator = numerator.multiply(p.multiply(BigInteger.TWO)).add(q.multiply(denominator));
                denominator = denominator.multiply(p.multiply(BigInteger.TWO));
                BigInteger gcd = numerator.gcd(denominator);
                numerator = numerator.divide(gcd);
                denominator = denominator.divide(gcd);
            }
            String recomputed = denominator.equals(BigInteger.ONE) ? numerator.toString() : numerator + "/" + denominator;
            assertThat(loss.get("rhoExact").asString()).as(indicator).isEqualTo(recomputed);
            double rho = loss.get("rho").asDouble();
            assertThat(rho).isCloseTo(numerator.doubleValue() / denominator.doubleValue(), within(1e-9));
            double delta = loss.get("delta").asDouble();
            assertThat(loss.get("epsilon").asDouble()).isCloseTo(rho + 2 * Math.sqrt(rho * Math.log(1 / delta)), within(1e-9));
            // Every level the public sees, every period of the current releases.
            assertThat(loss.get("tables").toString()).contains("country").contains("region").contains("lad");
        }
        assertThat(api().data(LOSS, Map.of("id", DemoDataSet.SERVICE_CONTACTS)).at("/indicator/privacyLoss/tables").toString())
                .contains("ward x [need, sex]").contains("2021/22").contains("2023/24");
        assertThat(api().data(LOSS, Map.of("id", DemoDataSet.POPULATION)).at("/indicator/privacyLoss").isNull())
                .as("OPEN indicators are exact: no loss to state").isTrue();
    }

    @Test
    void publicWardValuesOfADistrictSumExactlyToTheDistrictsPublicValue() {
        for (String district : List.of("Z08000001", "Z08000002", "Z08000003", "Z08000004", "Z08000005")) {
            Map<String, Long> wardSums = new HashMap<>();
            rows(api(), question(Map.of("within", district, "level", "ward"), List.of("sex")))
                    .forEach(r -> wardSums.merge(r.at("/characteristics/0/code").asString(), r.get("count").asLong(), Long::sum));
            Map<String, Long> districtValues = new HashMap<>();
            rows(api(), question(Map.of("codes", List.of(district)), List.of("sex")))
                    .forEach(r -> districtValues.put(r.at("/characteristics/0/code").asString(), r.get("count").asLong()));
            assertThat(wardSums).as(district).isEqualTo(districtValues);
        }
        long districts = rows(api(), question(Map.of("within", DemoDataSet.REGION, "level", "lad"), List.of()))
                .stream().mapToLong(r -> r.get("count").asLong()).sum();
        long region = rows(api(), question(Map.of("codes", List.of(DemoDataSet.REGION)), List.of())).get(0).get("count").asLong();
        assertThat(districts).isEqualTo(region);
    }

    @Test
    void aFilterWithSeveralValuesIsTheSumOfThoseValuesPublishedCells() {
        Map<String, Object> byNeed = question(Map.of("codes", List.of("Z05000007")), List.of("need"));
        Map<String, Long> needs = new HashMap<>();
        rows(api(), byNeed).forEach(r -> needs.put(r.at("/characteristics/0/code").asString(), r.get("count").asLong()));
        Map<String, Object> filtered = new HashMap<>(question(Map.of("codes", List.of("Z05000007")), List.of()));
        filtered.put("filter", List.of(Map.of("type", "need", "values", List.of("housing", "carer_support"))));
        assertThat(rows(api(), filtered).get(0).get("count").asLong()).isEqualTo(needs.get("housing") + needs.get("carer_support"));
    }

    @Test
    void noisedIntervalsIncludeTheNoiseAndHoldTheTruthAtAboutTheirNominalRate() {
        Map<String, Object> wards = question(Map.of("within", DemoDataSet.REGION, "level", "ward"), List.of("need", "sex"));
        wards.put("periods", Map.of("from", "2021/22", "to", "2023/24"));
        Map<String, Long> truth = new HashMap<>();
        rows(api("demo-steward"), wards).forEach(r -> truth.put(key(r), r.get("count").asLong()));
        List<JsonNode> published = rows(api(), wards);
        assertThat(published).hasSize(3600);
        int noiseCovers = 0;
        int intervalCovers = 0;
        for (JsonNode r : published) {
            long count = r.get("count").asLong();
            long exact = truth.get(key(r));
            double half = r.at("/disclosure/noiseInterval").asDouble();
            noiseCovers += Math.abs(count - exact) <= half ? 1 : 0;
            intervalCovers += r.get("lowerCI").asDouble() <= exact && exact <= r.get("upperCI").asDouble() ? 1 : 0;
            assertThat(r.get("ciMethod").asString()).isEqualTo("SAMPLING_AND_NOISE");
        }
        // One draw of 3,600 cells: the noise interval (95% of the estimator's noise) holds the released
        // value's error about 95% of the time; the full interval, which adds sampling error, at least that.
        assertThat(noiseCovers / 3600.0).isBetween(0.92, 0.985);
        assertThat(intervalCovers / 3600.0).isGreaterThanOrEqualTo(noiseCovers / 3600.0).isGreaterThan(0.95);

        // A noised value's interval is wider than the exact-value interval of the same count.
        JsonNode noisy = published.stream().filter(r -> r.get("count").asLong() == 5).findFirst().orElseThrow();
        JsonNode exactFive = rows(api("demo-steward"), wards).stream().filter(r -> r.get("count").asLong() == 5).findFirst().orElseThrow();
        assertThat(noisy.get("upperCI").asDouble() - noisy.get("lowerCI").asDouble())
                .isGreaterThan(exactFive.get("upperCI").asDouble() - exactFive.get("lowerCI").asDouble());
    }

    @Test
    void theStoredMeasurementsAreDrawnOnceAndTheReleasedValuesAreNonNegativeIntegersThatAddUp() {
        Integer negative = db.fetchOne("select count(*) from public_table_cell where count < 0 or denominator < 0").get(0, Integer.class);
        assertThat(negative).isZero();
        Integer measured = db.fetchOne("select count(*) from public_table_cell where noisy_count is not null").get(0, Integer.class);
        assertThat(measured).isPositive();
    }

    private static String key(JsonNode r) {
        StringBuilder key = new StringBuilder(r.at("/area/code").asString()).append('|').append(r.at("/period/code").asString());
        r.get("characteristics").forEach(c -> key.append('|').append(c.get("code").asString()));
        return key.toString();
    }

    private static Map<String, Object> question(Map<String, Object> areas, List<String> breakdown) {
        return new HashMap<>(Map.of("indicator", DemoDataSet.SERVICE_CONTACTS, "areas", areas, "breakdown", breakdown));
    }

    private static List<JsonNode> rows(Api api, Map<String, Object> question) {
        List<JsonNode> rows = new ArrayList<>();
        api.data(OBSERVATIONS, Map.of("q", question)).at("/observations/edges").forEach(e -> rows.add(e.get("node")));
        return rows;
    }
}
