package org.sightline.api.clients;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sightline.api.clients.ClientFixtures.cli;
import static org.sightline.api.clients.ClientFixtures.client;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sightline.api.SightlineTest;
import org.sightline.api.clients.ClientFixtures.Run;
import org.sightline.client.Observation;
import org.sightline.client.ObservationQuery;
import org.sightline.client.Release;
import tools.jackson.databind.JsonNode;

/**
 * The {@code sightline} command line against the running server, run in this JVM through picocli
 * with its output captured: what it prints, and exit codes a script can rely on.
 */
class CommandLineTest extends SightlineTest {

    private String url() {
        return "http://localhost:" + port;
    }

    @Test
    void helpIsForPeopleAndNamesEveryCommandAndExitCode() {
        Run help = cli("--help");
        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).contains("Usage: sightline", "query", "export", "upload-release", "upload-records", "import-geography",
                "catalogue", "Exit codes:", "Examples:", "SIGHTLINE_API_KEY");
        Run upload = cli("help", "upload-release");
        assertThat(upload.exitCode()).isZero();
        assertThat(upload.out()).contains("--indicator", "--corrects", "--reason", "--agreement", "sightline --api-key demo-steward upload-release");
    }

    @Test
    void queryPrintsTheSameNumbersTheServerGivesAsATableOrCsv() {
        List<Observation> expected = client(port, null)
                .observations(ObservationQuery.of("demo-population").within("Z08000001", "ward").breakdown("sex")).toList();
        assertThat(expected).hasSize(20 * 2);

        Run table = cli("query", "demo-population", "--url", url(), "--within", "Z08000001", "--level", "ward", "--breakdown", "sex");
        assertThat(table.exitCode()).as(table.toString()).isZero();
        String[] lines = table.out().split("\n");
        assertThat(lines[0]).contains("Area", "Name", "Period", "sex", "Value", "95% CI", "Disclosure");
        assertThat(table.out()).contains(expected.size() + " rows.");
        for (Observation o : expected) {
            String value = String.format(Locale.UK, "%,d", o.value().longValue());
            assertThat(Arrays.stream(lines).filter(l -> l.startsWith(o.area().code() + " ") && l.contains(" " + o.label("sex") + " ")))
                    .as(o.area().code() + " " + o.label("sex")).singleElement().asString().contains(o.area().name(), " " + value + " ", "EXACT");
        }

        Run csv = cli("--url", url(), "query", "demo-population", "--within", "Z08000001", "--level", "ward", "--breakdown", "sex",
                "--format", "csv");
        assertThat(csv.exitCode()).isZero();
        List<String> rows = csv.out().lines().toList();
        assertThat(rows.get(0)).isEqualTo("area_code,area_name,period,sex,value,lower_ci,upper_ci,count,denominator,disclosure_status,disclosure_reason");
        List<String> expectedRows = new ArrayList<>();
        for (Observation o : expected) {
            expectedRows.add(String.join(",", o.area().code(), o.area().name(), o.period().code(), o.label("sex"),
                    Long.toString(o.value().longValue()), plain(o.lowerCI()), plain(o.upperCI()), Long.toString(o.count().longValue()),
                    "", "EXACT", ""));
        }
        assertThat(rows.subList(1, rows.size())).containsExactlyElementsOf(expectedRows);

        Run json = cli("--url", url(), "query", "demo-population", "--areas", "Z08000001,Z08000002", "--format", "json");
        assertThat(json.exitCode()).isZero();
        assertThat(json.out()).contains("\"code\" : \"Z08000001\"", "\"code\" : \"Z08000002\"");
    }

    private static String plain(Double value) {
        return new java.math.BigDecimal(Double.toString(value)).stripTrailingZeros().toPlainString();
    }

    @Test
    void exportWritesTheServersCsvToAFileOrTheStandardOutput() throws Exception {
        byte[] direct = ClientFixtures.csvFromServer(port, "demo-partner",
                "indicator=demo-service-contacts&within=Z12000001&level=ward&breakdown=need");
        Path file = ClientFixtures.FILES.resolve("cli-export.csv");
        Files.createDirectories(ClientFixtures.FILES);
        Files.deleteIfExists(file);

        Run toFile = cli("--url", url(), "--api-key", "demo-partner", "export", "demo-service-contacts", "--within", "Z12000001",
                "--level", "ward", "--breakdown", "need", "-o", file.toString());
        assertThat(toFile.exitCode()).as(toFile.toString()).isZero();
        assertThat(Files.readAllBytes(file)).isEqualTo(direct);
        assertThat(toFile.err()).contains("Wrote ").contains(file.toString());

        Run toStdout = cli("export", "demo-service-contacts", "--url", url(), "--api-key", "demo-partner", "--within", "Z12000001",
                "--level", "ward", "--breakdown", "need");
        assertThat(toStdout.exitCode()).isZero();
        assertThat(toStdout.outBytes()).isEqualTo(direct);
    }

    @Test
    void uploadReleasePublishesPrintsTheReleaseAndShowsProgress() throws Exception {
        String indicator = "test-cli-release";
        ClientFixtures.defineIndicator(admin(), indicator);
        Path file = ClientFixtures.releaseFile("cli-release.csv", 21, List.of("2023")).path();

        Run upload = cli("--url", url(), "--api-key", "demo-steward", "upload-release", file.toString(), "--indicator", indicator,
                "--method", "sent with the CLI");

        assertThat(upload.exitCode()).as(upload.toString()).isZero();
        List<Release> releases = client(port, "demo-steward").releases(indicator);
        assertThat(releases).hasSize(1);
        Release release = releases.get(0);
        assertThat(release.method()).isEqualTo("sent with the CLI");
        assertThat(upload.out()).contains("Published release " + release.id() + " of " + indicator + " (version 1).")
                .contains("periods:    2023").contains("SHA-256:    " + release.fileSha256());
        assertThat(upload.err()).contains("100%").contains(" of " + Files.size(file) + " B");

        Run again = cli("--url", url(), "--api-key", "demo-steward", "--quiet", "upload-release", file.toString(), "--indicator", indicator);
        assertThat(again.exitCode()).isZero();
        assertThat(again.out()).contains("released before, as release " + release.id()).contains("nothing changed");
        assertThat(again.err()).isEmpty();

        // The release is what the dashboard and everyone else now read.
        Run query = cli("--url", url(), "query", indicator, "--areas", "Z05000001", "--format", "csv");
        long total = ClientFixtures.releaseFile("cli-release-again.csv", 21, List.of("2023")).lsoaTotals().values().stream()
                .mapToLong(Long::longValue).sum();
        assertThat(query.out().lines().skip(1)).singleElement().asString().startsWith("Z05000001,").contains(",2023," + total + ",");
    }

    @Test
    void aBadFileExitsWith1AndPrintsEveryLinesProblem() throws Exception {
        String indicator = "test-cli-bad-file";
        ClientFixtures.defineIndicator(admin(), indicator);
        Path file = ClientFixtures.write("cli-bad.csv", """
                area_code,period,sex,count
                Z01000001,2022,F,12
                Z01999999,2022,F,3
                Z01000002,2022,M,-4
                """);

        Run refused = cli("--url", url(), "--api-key", "demo-steward", "upload-release", file.toString(), "-i", indicator);

        assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(1);
        assertThat(refused.err()).contains("Refused: ").contains("nothing was released")
                .containsPattern("line 3, area_code 'Z01999999': .*not a known area code")
                .containsPattern("line 4, count '-4': ");
        assertThat(refused.out()).isEmpty();
        assertThat(client(port, null).releases(indicator)).isEmpty();
    }

    @Test
    void exitCodesSayWhoMayNotWhatIsNotFoundAndWhatIsWrong() throws Exception {
        Path file = ClientFixtures.releaseFile("cli-forbidden.csv", 5, List.of("2022")).path();

        Run anonymous = cli("--url", url(), "upload-release", file.toString(), "--indicator", "demo-population");
        assertThat(anonymous.exitCode()).as(anonymous.toString()).isEqualTo(3);
        assertThat(anonymous.err()).contains("Not allowed: credentials are required").contains("--api-key");

        Run partner = cli("--url", url(), "--api-key", "demo-partner", "upload-release", file.toString(), "--indicator", "demo-population");
        assertThat(partner.exitCode()).isEqualTo(3);
        assertThat(partner.err()).contains("Not allowed: your role may not do this");

        Run publicLsoas = cli("--url", url(), "query", "demo-safeguarding-concerns", "--within", "Z08000001", "--level", "lsoa");
        assertThat(publicLsoas.exitCode()).isEqualTo(3);
        assertThat(publicLsoas.err()).startsWith("Not allowed: ");

        Run badKey = cli("--url", url(), "--api-key", "not-a-key", "catalogue");
        assertThat(badKey.exitCode()).isEqualTo(3);

        Run missing = cli("--url", url(), "query", "no-such-indicator", "--level", "lad");
        assertThat(missing.exitCode()).isEqualTo(4);
        assertThat(missing.err()).startsWith("Not found: ").contains("no-such-indicator");

        Run wrongLevel = cli("--url", url(), "query", "demo-wellbeing-score", "--level", "ward");
        assertThat(wrongLevel.exitCode()).isEqualTo(1);
        assertThat(wrongLevel.err()).startsWith("Refused: ");

        Run usage = cli("--url", url(), "query", "demo-population", "--level", "ward", "--frmat", "csv");
        assertThat(usage.exitCode()).isEqualTo(2);
        assertThat(usage.err()).contains("Unknown options: '--frmat'").contains("See 'sightline query --help'");

        Run noFile = cli("--url", url(), "--api-key", "demo-steward", "upload-release", "target/client-tests/absent.csv", "-i", "x");
        assertThat(noFile.exitCode()).isEqualTo(6);
    }

    @Test
    void catalogueReleasesRecordsAndGeographyPrintWhatTheServerSaid() throws Exception {
        Run catalogue = cli("--url", url(), "catalogue", "admissions");
        assertThat(catalogue.exitCode()).isZero();
        JsonNode expected = api().data("{ catalogue(search: \"admissions\") { totalCount edges { node { id } } } }", Map.of()).get("catalogue");
        expected.get("edges").forEach(e -> assertThat(catalogue.out()).contains(e.at("/node/id").asString()));
        assertThat(catalogue.out()).contains(expected.get("totalCount").asInt() + " indicators.");

        Run releases = cli("--url", url(), "releases", "demo-population");
        assertThat(releases.exitCode()).isZero();
        String firstId = api().data("{ releases(indicator: \"demo-population\") { id } }", Map.of()).at("/releases/0/id").asString();
        assertThat(releases.out().lines().skip(2).findFirst().orElseThrow().strip()).startsWith(firstId + " ").contains("PUBLISHED");

        String intake = "test-cli-intake";
        Map<String, Object> definition = Map.of("id", intake, "organisation", "demo-wessex-council",
                "columns", List.of(Map.of("name", "postcode", "role", "POSTCODE"), Map.of("name", "contact_date", "role", "CONTACT_DATE"),
                        Map.of("name", "need", "role", "NEED", "codelist", "support_need")),
                "needs", List.of("housing"), "disclosureClass", "OPEN");
        assertThat(admin().postJson("/api/v1/record-intakes", definition).status()).isIn(200, 201);
        Path records = ClientFixtures.write("cli-records.csv", "postcode,contact_date,need\nWX1 0AB,2023-06-01,housing\n"
                + "WX1 0AD,2023-06-02,housing\nWX1 0AB,yesterday,housing\n");
        Run upload = cli("--url", url(), "--api-key", "demo-steward", "-q", "upload-records", intake, records.toString());
        assertThat(upload.exitCode()).as(upload.toString()).isZero();
        assertThat(upload.out()).contains("Records read: 3; accepted: 2; rejected: 1.").containsPattern("  line 4, contact_date: ")
                .contains(intake + "-housing: release ");
        assertThat(upload.out()).doesNotContain("yesterday").doesNotContain("WX1");

        Path geography = ClientFixtures.write("cli-geography.csv", "area_code,area_name,area_type,parent_code,hierarchy\n"
                + "Y05999998,Nowhere ward,ward,Y08999998,admin\n");
        Run notAdmin = cli("--url", url(), "--api-key", "demo-steward", "import-geography", geography.toString());
        assertThat(notAdmin.exitCode()).isEqualTo(3);
        Run imported = cli("--url", url(), "--api-key", "demo-admin", "import-geography", geography.toString());
        assertThat(imported.exitCode()).as(imported.toString()).isZero();
        assertThat(imported.out()).contains("Format: generic; rows read: 1.", "Areas added: 0", "Rows not loaded: 1")
                .containsPattern("  line 2: .*Y08999998");
        assertThat(Files.readString(geography, StandardCharsets.UTF_8)).contains("Y05999998");
    }
}
