package org.sightline.api.clients;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.sightline.api.clients.ClientFixtures.client;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.sightline.api.SightlineTest;
import org.sightline.client.Area;
import org.sightline.client.BadRequestException;
import org.sightline.client.Comparison;
import org.sightline.client.ComparisonMethod;
import org.sightline.client.ComparisonOutcome;
import org.sightline.client.FileError;
import org.sightline.client.ForbiddenException;
import org.sightline.client.GeographyImportReport;
import org.sightline.client.Indicator;
import org.sightline.client.IntakeReport;
import org.sightline.client.NotFoundException;
import org.sightline.client.Observation;
import org.sightline.client.ObservationQuery;
import org.sightline.client.Page;
import org.sightline.client.Polarity;
import org.sightline.client.Ranking;
import org.sightline.client.Release;
import org.sightline.client.ReleaseOptions;
import org.sightline.client.ReleaseReceipt;
import org.sightline.client.ReleaseStatus;
import org.sightline.client.SightlineClient;
import org.sightline.client.TransferListener;
import org.sightline.client.Trend;
import org.sightline.client.UnauthorizedException;
import tools.jackson.databind.JsonNode;

/**
 * The Java client against the running server on its embedded database, as a partner system uses it:
 * every typed answer is checked against what the same question gets over raw GraphQL or HTTP.
 */
class JavaClientTest extends SightlineTest {

    private static final String ROWS = """
            query($query: ObservationQuery!) { observations(query: $query, first: 10000) { totalCount edges { node {
              area { code name } period { code } characteristics { type code } value count denominator lowerCI upperCI
              disclosure { status reason } } } } }""";

    @Test
    void aPagedStreamOfObservationsIsTheSameAsOneBigPage() {
        // A sensitive indicator as a partner: suppressed cells are part of the answer too.
        ObservationQuery query = ObservationQuery.of("demo-service-contacts").within("Z12000001", "ward").breakdown("need", "sex");
        SightlineClient partner = client(port, "demo-partner");

        List<Observation> paged;
        try (Stream<Observation> rows = partner.observations(query, 97)) {
            paged = rows.toList();
        }

        JsonNode bigPage = api("demo-partner").data(ROWS, Map.of("query", Map.of("indicator", "demo-service-contacts",
                "areas", Map.of("within", "Z12000001", "level", "ward"), "breakdown", List.of("need", "sex")))).get("observations");
        List<String> expected = new ArrayList<>();
        bigPage.get("edges").forEach(edge -> expected.add(key(edge.get("node"))));
        assertThat(expected.size()).isEqualTo(bigPage.get("totalCount").asInt()).isGreaterThan(5 * 97);
        assertThat(paged).extracting(JavaClientTest::key).containsExactlyElementsOf(expected);
        assertThat(paged).extracting(o -> o.disclosure().status().name()).contains("SUPPRESSED", "EXACT");

        // One page at a time, by hand: the cursors chain and the total is stated on each page.
        Page<Observation> first = partner.observations(query, 500, null);
        Page<Observation> second = partner.observations(query, 500, first.endCursor());
        assertThat(first.totalCount()).isEqualTo(expected.size());
        assertThat(first.hasNextPage()).isTrue();
        assertThat(Stream.concat(first.items().stream(), second.items().stream()).map(JavaClientTest::key).toList())
                .isEqualTo(expected.subList(0, Math.min(1000, expected.size())));
    }

    private static String key(Observation o) {
        return String.join("|", o.area().code(), o.area().name(), o.period().code(),
                o.characteristics().stream().map(c -> c.type() + "=" + c.code()).collect(Collectors.joining(",")),
                String.valueOf(o.value()), String.valueOf(o.count()), String.valueOf(o.denominator()),
                String.valueOf(o.lowerCI()), String.valueOf(o.upperCI()), o.disclosure().status().name(),
                String.valueOf(o.disclosure().reason()));
    }

    private static String key(JsonNode node) {
        List<String> characteristics = new ArrayList<>();
        node.get("characteristics").forEach(c -> characteristics.add(c.get("type").asString() + "=" + c.get("code").asString()));
        return String.join("|", node.at("/area/code").asString(), node.at("/area/name").asString(), node.at("/period/code").asString(),
                String.join(",", characteristics), number(node.get("value")), number(node.get("count")), number(node.get("denominator")),
                number(node.get("lowerCI")), number(node.get("upperCI")), node.at("/disclosure/status").asString(),
                node.at("/disclosure/reason").isNull() ? "null" : node.at("/disclosure/reason").asString());
    }

    private static String number(JsonNode node) {
        return node == null || node.isNull() ? "null" : String.valueOf(node.asDouble());
    }

    @Test
    void compareRankAndTrendAreTypedAndAgreeWithTheirObservations() {
        SightlineClient client = client(port, null);
        String indicator = "demo-emergency-admissions";
        ObservationQuery districts = ObservationQuery.of(indicator).within("Z12000001", "lad");
        Indicator definition = client.indicator(indicator).orElseThrow();
        assertThat(definition.polarity()).isEqualTo(Polarity.LOWER_IS_BETTER);
        Map<String, Double> latest = new HashMap<>();
        client.observations(districts).forEach(o -> latest.put(o.area().code(), o.value()));
        assertThat(latest).hasSize(5);

        // Rank 1 = greatest need: for a lower-is-better rate, the highest rate.
        List<Ranking> ranking = client.rank(districts);
        List<String> byNeed = latest.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .map(Map.Entry::getKey).toList();
        assertThat(ranking.stream().sorted(Comparator.comparing(Ranking::rank)).map(r -> r.observation().area().code()))
                .containsExactlyElementsOf(byNeed);
        assertThat(ranking).allSatisfy(r -> assertThat(r.observation().value()).isEqualTo(latest.get(r.observation().area().code())));

        // Each district beside the country: the outcome follows from the interval and the benchmark's value.
        List<Comparison> comparisons = client.compare(districts, null, ComparisonMethod.CI_OVERLAP_95);
        assertThat(comparisons).hasSize(5).allSatisfy(c -> {
            assertThat(c.benchmark().area().code()).isEqualTo("Z92000001");
            double benchmark = c.benchmark().value();
            Observation area = c.observation();
            ComparisonOutcome expected = area.lowerCI() > benchmark ? ComparisonOutcome.WORSE
                    : area.upperCI() < benchmark ? ComparisonOutcome.BETTER : ComparisonOutcome.SIMILAR;
            assertThat(c.outcome()).as(area.area().code()).isEqualTo(expected);
            assertThat(c.quintile()).isNull();
        });
        List<Comparison> quintiles = client.compare(districts, "Z12000001", ComparisonMethod.QUINTILES);
        assertThat(quintiles).allSatisfy(c -> assertThat(c.benchmark().area().code()).isEqualTo("Z12000001"));
        assertThat(quintiles).extracting(Comparison::quintile).containsExactlyInAnyOrder(1, 2, 3, 4, 5);

        // A series per district over every period, oldest first, and its change.
        List<Trend> trends = client.trend(districts);
        JsonNode raw = api().data("""
                query($query: ObservationQuery!) { trend(query: $query) { area { code } recentTrend classification } }""",
                Map.of("query", Map.of("indicator", indicator, "areas", Map.of("within", "Z12000001", "level", "lad")))).get("trend");
        assertThat(trends).hasSize(5);
        for (int i = 0; i < trends.size(); i++) {
            Trend trend = trends.get(i);
            assertThat(trend.area().code()).isEqualTo(raw.get(i).at("/area/code").asString());
            assertThat(trend.recentTrend().name()).isEqualTo(raw.get(i).get("recentTrend").asString());
            assertThat(trend.classification()).isEqualTo(raw.get(i).get("classification").asString());
            assertThat(trend.points()).extracting(p -> p.period().code())
                    .containsExactlyElementsOf(definition.periods().stream().map(p -> p.code()).toList());
            List<Observation> points = trend.points();
            assertThat(trend.change()).isCloseTo(points.get(points.size() - 1).value() - points.get(0).value(),
                    org.assertj.core.data.Offset.offset(1e-9));
            assertThat(points.get(points.size() - 1).value()).isEqualTo(latest.get(trend.area().code()));
        }
    }

    @Test
    void theCatalogueAndTheAreasAreTheServersAndPagedToTheEnd() {
        SightlineClient client = client(port, null);
        JsonNode catalogue = api().data("{ catalogue(search: \"admissions\") { edges { node { id } } } }", Map.of()).get("catalogue");
        List<String> expected = new ArrayList<>();
        catalogue.get("edges").forEach(e -> expected.add(e.at("/node/id").asString()));
        List<Indicator> found = client.catalogue("admissions", null, null).toList();
        assertThat(found).extracting(Indicator::id).containsExactlyElementsOf(expected).contains("demo-emergency-admissions");
        assertThat(found).allSatisfy(i -> {
            assertThat(i.periods()).isNotEmpty();
            assertThat(i.owner()).isNotNull();
        });
        assertThat(client.catalogue(null, "ward", "need").map(Indicator::id)).contains("demo-service-contacts")
                .doesNotContain("demo-population");

        // 600 LSOAs: more than one page of areas (1,000 a page is the server's largest; the client pages on).
        JsonNode lsoas = api().data("{ areas(type: \"lsoa\", within: \"Z12000001\", first: 1) { totalCount } }", Map.of());
        List<Area> areas = client.areas("lsoa", "Z12000001", null).toList();
        assertThat(areas).hasSize(lsoas.at("/areas/totalCount").asInt());
        assertThat(areas).extracting(a -> a.type().code()).containsOnly("lsoa");
        assertThat(client.area("Z08000001")).map(Area::name).contains("Casterbridge");
        assertThat(client.area("Z08999999")).isEmpty();
        assertThat(client.indicator("no-such-indicator")).isEmpty();
    }

    @Test
    void theCsvExportIsTheServersCsvByteForByte() throws Exception {
        // Suppressed for a partner: the CSV carries the same protection as GraphQL.
        String query = "indicator=demo-service-contacts&within=Z08000001&level=ward&from=2021%2F22&to=2023%2F24&breakdown=sex"
                + "&filter=need%3Ahousing&comparison=QUINTILES";
        ObservationQuery question = ObservationQuery.of("demo-service-contacts").within("Z08000001", "ward")
                .periodsBetween("2021/22", "2023/24").breakdown("sex").filter("need", "housing");
        byte[] direct = ClientFixtures.csvFromServer(port, "demo-partner", query);

        ByteArrayOutputStream viaClient = new ByteArrayOutputStream();
        List<Long> progress = new ArrayList<>();
        long bytes = client(port, "demo-partner").exportCsv(question, null, ComparisonMethod.QUINTILES, viaClient,
                (received, total) -> progress.add(received));

        assertThat(viaClient.toByteArray()).isEqualTo(direct);
        assertThat(bytes).isEqualTo(direct.length);
        assertThat(progress).isNotEmpty().isSorted().endsWith((long) direct.length);
        String text = new String(direct, StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFFindicator_id,").contains(",2021/22,").contains(",2023/24,");

        // To a file: complete, and nothing left beside it.
        Path file = ClientFixtures.FILES.resolve("export.csv");
        Files.createDirectories(ClientFixtures.FILES);
        client(port, "demo-partner").exportCsv(question, null, ComparisonMethod.QUINTILES, file, TransferListener.NONE);
        assertThat(Files.readAllBytes(file)).isEqualTo(direct);
        assertThat(file.resolveSibling("export.csv.part")).doesNotExist();
    }

    @Test
    void aStewardsReleaseUploadIsPublishedAndInTheReleaseHistory() throws Exception {
        String indicator = "test-client-release";
        ClientFixtures.defineIndicator(admin(), indicator);
        ClientFixtures.ReleaseFile file = ClientFixtures.releaseFile("client-release.csv", 11, List.of("2022", "2023"));
        SightlineClient steward = client(port, "demo-steward");
        List<Long> sent = new ArrayList<>();

        ReleaseReceipt receipt = steward.uploadRelease(indicator, file.path(), ReleaseOptions.none().method("counted by the client test"),
                (bytes, total) -> sent.add(bytes));

        assertThat(receipt.created()).isTrue();
        assertThat(receipt.indicator()).isEqualTo(indicator);
        assertThat(receipt.periods()).containsExactly("2022", "2023");
        assertThat(receipt.rows()).isEqualTo(2 * 6 * 2);
        assertThat(receipt.fileSha256()).isEqualTo(sha256(file.path()));
        assertThat(sent).endsWith(Files.size(file.path()));

        List<Release> history = steward.releases(indicator);
        assertThat(history).singleElement().satisfies(release -> {
            assertThat(release.id()).isEqualTo(Long.toString(receipt.releaseId()));
            assertThat(release.status()).isEqualTo(ReleaseStatus.PUBLISHED);
            assertThat(release.fileName()).isEqualTo("client-release.csv");
            assertThat(release.method()).isEqualTo("counted by the client test");
            assertThat(release.uploadedBy()).isNotNull();
            assertThat(release.cells()).isEqualTo(receipt.rows());
        });
        JsonNode raw = api().data("query($id: ID!) { releases(indicator: $id) { id fileSha256 } }", Map.of("id", indicator));
        assertThat(raw.at("/releases/0/id").asString()).isEqualTo(Long.toString(receipt.releaseId()));

        // What was uploaded is what questions now read.
        Map<String, Long> read = new LinkedHashMap<>();
        client(port, null).observations(ObservationQuery.of(indicator).within("Z05000001", "lsoa").periods("2022", "2023"))
                .forEach(o -> read.put(o.area().code() + "/" + o.period().code(), o.count().longValue()));
        assertThat(read).isEqualTo(file.lsoaTotals());

        // The same file again changes nothing.
        ReleaseReceipt again = steward.uploadRelease(indicator, file.path(), ReleaseOptions.none(), TransferListener.NONE);
        assertThat(again.created()).isFalse();
        assertThat(again.releaseId()).isEqualTo(receipt.releaseId());
    }

    @Test
    void aBadFileIsABadRequestListingEachLinesFieldAndNothingIsPublished() throws Exception {
        String indicator = "test-client-bad-file";
        ClientFixtures.defineIndicator(admin(), indicator);
        Path file = ClientFixtures.write("client-bad.csv", """
                area_code,period,sex,count
                Z01000001,2022,F,12
                Z01999999,2022,F,3
                Z01000002,2022,M,seven
                Z01000003,2022,X,5
                """);

        assertThatThrownBy(() -> client(port, "demo-steward").uploadRelease(indicator, file, ReleaseOptions.none(), TransferListener.NONE))
                .isInstanceOfSatisfying(BadRequestException.class, e -> {
                    assertThat(e.status()).isEqualTo(422);
                    assertThat(e.classification()).isEqualTo("BAD_REQUEST");
                    assertThat(e.getMessage()).contains("nothing was released");
                    assertThat(e.errors()).extracting(FileError::line, FileError::field, FileError::value).containsExactly(
                            org.assertj.core.groups.Tuple.tuple(3L, "area_code", "Z01999999"),
                            org.assertj.core.groups.Tuple.tuple(4L, "count", "seven"),
                            org.assertj.core.groups.Tuple.tuple(5L, "sex", "X"));
                    assertThat(e.errors()).allSatisfy(error -> assertThat(error.reason()).isNotBlank());
                });
        assertThat(client(port, "demo-steward").releases(indicator)).isEmpty();
    }

    @Test
    void refusalsAreTypedWithTheServersClassificationAndMessage() throws Exception {
        Path file = ClientFixtures.releaseFile("client-refused.csv", 3, List.of("2022")).path();

        // The public may not upload at all (credentials are required), a partner's role may not.
        assertThatThrownBy(() -> client(port, null).uploadRelease("demo-population", file, ReleaseOptions.none(), TransferListener.NONE))
                .isInstanceOfSatisfying(UnauthorizedException.class, e -> {
                    assertThat(e).isInstanceOf(ForbiddenException.class);
                    assertThat(e.status()).isEqualTo(401);
                    assertThat(e.classification()).isEqualTo("UNAUTHORIZED");
                });
        assertThatThrownBy(() -> client(port, "demo-partner").uploadRelease("demo-population", file, ReleaseOptions.none(), TransferListener.NONE))
                .isExactlyInstanceOf(ForbiddenException.class)
                .satisfies(e -> assertThat(((ForbiddenException) e).status()).isEqualTo(403));
        assertThatThrownBy(() -> client(port, "not-a-key").catalogue(null, null, null).toList())
                .isInstanceOf(UnauthorizedException.class);

        // GraphQL refusals: the public may not see highly sensitive data below district level.
        ObservationQuery lsoas = ObservationQuery.of("demo-safeguarding-concerns").within("Z08000001", "lsoa");
        assertThatThrownBy(() -> client(port, null).observations(lsoas).toList())
                .isInstanceOfSatisfying(ForbiddenException.class, e -> {
                    assertThat(e.classification()).isEqualTo("FORBIDDEN");
                    assertThat(e.getMessage()).isEqualTo(api().graphql(ROWS, Map.of("query", Map.of("indicator", "demo-safeguarding-concerns",
                            "areas", Map.of("within", "Z08000001", "level", "lsoa")))).at("/errors/0/message").asString());
                });
        assertThatThrownBy(() -> client(port, null).rank(ObservationQuery.of("no-such-indicator").level("lad")))
                .isInstanceOf(NotFoundException.class).hasMessageContaining("no-such-indicator");
        assertThatThrownBy(() -> client(port, null).trend(ObservationQuery.of("demo-wellbeing-score").level("ward")))
                .isInstanceOfSatisfying(BadRequestException.class, e -> assertThat(e.classification()).isEqualTo("BAD_REQUEST"));
    }

    @Test
    void aRecordFileIsCountedAndItsRejectedRecordsListedByLine() throws Exception {
        String intake = "test-client-intake";
        Map<String, Object> definition = new HashMap<>();
        definition.put("id", intake);
        definition.put("organisation", "demo-wessex-council");
        definition.put("columns", List.of(Map.of("name", "postcode", "role", "POSTCODE"), Map.of("name", "contact_date", "role", "CONTACT_DATE"),
                Map.of("name", "need", "role", "NEED", "codelist", "support_need")));
        definition.put("needs", List.of("housing"));
        definition.put("disclosureClass", "OPEN");
        assertThat(admin().postJson("/api/v1/record-intakes", definition).status()).isIn(200, 201);
        Path file = ClientFixtures.write("client-records.csv", """
                postcode,contact_date,need
                WX1 0AB,2023-05-01,housing
                WX1 0AD,2023-05-02,housing
                QQQ,2023-05-03,housing
                WX1 0AB,2023-05-04,housing
                """);

        IntakeReport report = client(port, "demo-steward").uploadRecords(intake, file, TransferListener.NONE);

        assertThat(report.created()).isTrue();
        assertThat(report.rowsRead()).isEqualTo(4);
        assertThat(report.rowsAccepted() + report.rowsRejected()).isEqualTo(4);
        assertThat(report.rowsRejected()).isGreaterThanOrEqualTo(1);
        assertThat(report.rejections()).extracting(FileError::line).contains(4L);
        assertThat(report.rejections()).allSatisfy(r -> assertThat(r.reason()).isNotBlank().doesNotContain("QQQ"));
        assertThat(report.releases()).extracting(IntakeReport.PublishedRelease::indicator).contains(intake + "-housing");
    }

    @Test
    void geographyAlreadyKnownAddsNothingAndABadRowIsReportedWithItsLine() throws Exception {
        JsonNode ward = api().data("{ area(code: \"Z05000001\") { name parent { code } } }", Map.of()).get("area");
        Path file = ClientFixtures.write("client-geography.csv", "area_code,area_name,area_type,parent_code,hierarchy\n"
                + "Z05000001," + ward.get("name").asString() + ",ward," + ward.at("/parent/code").asString() + ",admin\n"
                + "Y05999999,Nowhere ward,ward,Y08999999,admin\n");

        GeographyImportReport report = client(port, "demo-admin").importGeography(file);

        assertThat(report.format()).isEqualTo("generic");
        assertThat(report.rowsRead()).isEqualTo(2);
        assertThat(report.areasAdded()).isZero();
        assertThat(report.linksAdded()).isZero();
        assertThat(report.rejectedRows()).singleElement().satisfies(row -> {
            assertThat(row.line()).isEqualTo(3L);
            assertThat(row.reason()).contains("Y08999999");
        });
        assertThatThrownBy(() -> client(port, "demo-steward").importGeography(file)).isInstanceOf(ForbiddenException.class);
        assertThat(client(port, null).area("Y05999999")).isEmpty();
    }

    private static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }
}
