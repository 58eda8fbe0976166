package org.sightline.api.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;
import org.sightline.api.Api;
import org.sightline.api.SightlineTest;
import org.sightline.api.demo.DemoDataSet;
import tools.jackson.databind.JsonNode;

/**
 * The dashboard at {@code /} in a real browser (Debian's chromium, reaching no host but this
 * server): the region's districts drawn one shape each, coloured with the outcome GraphQL
 * {@code compare} gives for the same question; drilling into a district and a ward with the mouse
 * and with the keyboard alone; noisy, suppressed and refused values shown as such for the public
 * and for an analyst's key; the CSV link downloading the values shown. Every page loads only from
 * this server and meets no Content Security Policy violation. Screenshots go to target/screenshots.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class DashboardBrowserTest extends SightlineTest {

    static final String REGION = DemoDataSet.REGION;
    static final String CASTERBRIDGE = "Z08000001";
    static final String CASTERBRIDGE_NORTH = "Z05000001";

    private static final String COMPARE = """
            query($query: ObservationQuery!, $method: ComparisonMethod) {
              compare(query: $query, method: $method) {
                outcome
                observation { area { code } value disclosure { status reason noiseInterval } }
              }
            }""";

    private static Browser browser;

    @BeforeEach
    void startBrowser() throws Exception {
        if (browser == null) {
            browser = Browser.start();
        }
    }

    @AfterEach
    void forgetTheKey() {
        if (browser != null && browser.driver.getCurrentUrl().startsWith(base())) {
            browser.script("sessionStorage.clear();");
        }
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.close();
            browser = null;
        }
    }

    @Test
    void theRegionIsDrawnOneShapePerDistrictColouredWithTheOutcomeCompareGives() throws Exception {
        open("/");
        waitForView(REGION, null);
        new Select(browser.find("#indicator")).selectByValue(DemoDataSet.ADMISSIONS_RATE);
        waitForView(REGION, DemoDataSet.ADMISSIONS_RATE);

        // One shape per district that has a boundary (another test may add a district without one to
        // Wessex: it is listed in the table only), coloured with compare's outcome for it.
        Set<String> drawn = childCodes(REGION, "lad");
        Set<String> listed = allChildCodes(REGION, "lad");
        Map<String, String> shapes = shapes();
        assertThat(shapes.keySet()).isEqualTo(drawn);
        Map<String, JsonNode> expected = compare(api(), DemoDataSet.ADMISSIONS_RATE, REGION, "lad");
        assertThat(drawn.stream().map(c -> outcome(expected, c)).distinct().count())
                .as("the demo districts differ, so a mix-up of colours would show").isGreaterThan(1);
        drawn.forEach(code -> assertThat(shapes.get(code)).as(code).contains(outcomeClass(outcome(expected, code))));
        // The colours themselves: one fill per outcome, distinct between outcomes.
        Map<String, Set<String>> fills = new TreeMap<>();
        drawn.forEach(code -> fills.computeIfAbsent(outcome(expected, code), o -> new HashSet<>())
                .add(browser.find("#map path[data-area-code='" + code + "']").getCssValue("fill")));
        fills.values().forEach(f -> assertThat(f).hasSize(1));
        assertThat(fills.values().stream().flatMap(Set::stream).distinct().count()).isEqualTo(fills.size());

        // The key counts each outcome; the table lists every district with its value and outcome.
        listed.stream().collect(Collectors.groupingBy(c -> outcome(expected, c), Collectors.counting()))
                .forEach((outcome, n) -> assertThat(browser.find("#legend li[data-outcome='" + outcome + "']").getText())
                        .endsWith("(" + n + ")"));
        for (String district : listed) {
            WebElement row = browser.find("#data-table tbody tr[data-area-code='" + district + "']");
            assertThat(row.getDomAttribute("data-outcome")).isEqualTo(outcome(expected, district));
            JsonNode value = expected.containsKey(district) ? expected.get(district).at("/observation/value") : null;
            if (value != null && value.isNumber()) {
                assertThat(Double.parseDouble(row.findElement(org.openqa.selenium.By.cssSelector("td.value")).getText().replace(",", "")))
                        .isCloseTo(value.asDouble(), org.assertj.core.data.Offset.offset(0.051));
            }
        }
        long ranked = api().data("query($q: ObservationQuery!) { rank(query: $q) { rank } }",
                Map.of("q", question(DemoDataSet.ADMISSIONS_RATE, REGION, "lad"))).get("rank").valueStream()
                .filter(r -> r.get("rank").isNumber()).count();
        assertThat(browser.findAll("#rank-table tbody tr")).hasSize((int) Math.min(10, ranked));
        assertThat(browser.find("#status").getText()).startsWith("Showing " + listed.size() + " districts in Wessex");
        JsonNode indicator = api().data("query($id: ID!) { indicator(id: $id) { source licence } }",
                Map.of("id", DemoDataSet.ADMISSIONS_RATE)).get("indicator");
        assertThat(browser.find("#indicator-source").getText()).isEqualTo(indicator.get("source").asString());
        assertThat(browser.find("#indicator-licence").getText()).isEqualTo(indicator.get("licence").asString());
        assertThat(browser.find("#trend-chart").isDisplayed()).isTrue();
        assertOnlyThisServerAndNoProblems();
        browser.screenshot("dashboard-region");

        // The policy is enforced and its violations would be seen: an inline style is refused and recorded.
        browser.script("document.getElementById('status').setAttribute('style', 'color: red');");
        browser.waiting().until(d -> browser.problems().stream().anyMatch(p -> p.startsWith("CSP style-src")));
        assertThat(browser.find("#status").getCssValue("color")).isNotEqualTo("rgba(255, 0, 0, 1)");
    }

    @Test
    void theMouseDrillsIntoADistrictWithNoisyValuesMarkedThenAWardThePublicMayNotSeeAndBack() throws Exception {
        open("/");
        waitForView(REGION, null);
        new Select(browser.find("#indicator")).selectByValue(DemoDataSet.SERVICE_CONTACTS);
        waitForView(REGION, DemoDataSet.SERVICE_CONTACTS);

        clickArea(CASTERBRIDGE);
        waitForView(CASTERBRIDGE, DemoDataSet.SERVICE_CONTACTS);
        Map<String, String> shapes = shapes();
        assertThat(shapes.keySet()).isEqualTo(childCodes(CASTERBRIDGE, "ward"));
        Map<String, JsonNode> expected = compare(api(), DemoDataSet.SERVICE_CONTACTS, CASTERBRIDGE, "ward");
        for (Map.Entry<String, JsonNode> ward : expected.entrySet()) {
            JsonNode disclosure = ward.getValue().at("/observation/disclosure");
            assertThat(disclosure.get("status").asString()).isEqualTo("NOISED");
            assertThat(shapes.get(ward.getKey())).contains(outcomeClass(ward.getValue().get("outcome").asString()))
                    .contains("disclosure-noised");
            WebElement row = browser.find("#data-table tbody tr[data-area-code='" + ward.getKey() + "']");
            assertThat(row.getDomAttribute("data-disclosure")).isEqualTo("NOISED");
            assertThat(row.getText()).contains("Noised").contains(disclosure.get("reason").asString())
                    .contains(String.format(java.util.Locale.ROOT, "\u00b1%.1f", disclosure.get("noiseInterval").asDouble()));
        }
        assertThat(browser.find("#legend li[data-disclosure='NOISED']").getText()).endsWith("(" + expected.size() + ")");
        assertThat(browser.findAll("#breadcrumbs li").stream().map(WebElement::getText).toList())
                .containsExactly("Demoland", "Wessex", "Casterbridge");
        // The public's stated privacy loss for this indicator, as the API states it.
        JsonNode loss = api().data("query($id: ID!) { indicator(id: $id) { privacyLoss { epsilon delta mechanism } } }",
                Map.of("id", DemoDataSet.SERVICE_CONTACTS)).at("/indicator/privacyLoss");
        assertThat(browser.find("#indicator-privacy-loss").getText())
                .contains(String.format(java.util.Locale.ROOT, "epsilon %.2f", loss.get("epsilon").asDouble()))
                .contains(loss.get("mechanism").asString());
        assertOnlyThisServerAndNoProblems();
        browser.screenshot("dashboard-district");

        // The public may not see this indicator below wards: the service's refusal, word for word, and the LSOAs in grey.
        clickArea(CASTERBRIDGE_NORTH);
        waitForView(CASTERBRIDGE_NORTH, DemoDataSet.SERVICE_CONTACTS);
        String refusal = api().graphql(COMPARE, Map.of("query", question(DemoDataSet.SERVICE_CONTACTS, CASTERBRIDGE_NORTH, "lsoa"),
                "method", "QUINTILES")).at("/errors/0/message").asString();
        assertThat(refusal).contains("ward level or coarser");
        assertThat(browser.find("#error-summary").isDisplayed()).isTrue();
        assertThat(browser.find("#error-summary").getText()).contains(refusal);
        Map<String, String> lsoas = shapes();
        assertThat(lsoas.keySet()).isEqualTo(childCodes(CASTERBRIDGE_NORTH, "lsoa"));
        lsoas.values().forEach(c -> assertThat(c).contains("outcome-unavailable"));

        browser.find("#breadcrumbs a[data-area-code='" + REGION + "']").click();
        waitForView(REGION, DemoDataSet.SERVICE_CONTACTS);
        assertThat(shapes().keySet()).isEqualTo(childCodes(REGION, "lad"));
        assertThat(browser.find("#error-summary").isDisplayed()).isFalse();
    }

    @Test
    void anAnalystsKeyShowsLsoaValuesWithTheSuppressedOnesMarkedAndTheCsvCarriesTheKey() throws Exception {
        open("/");
        waitForView(REGION, null);
        browser.find("#key-details summary").click();
        browser.find("#api-key").sendKeys("demo-analyst");
        browser.find("#api-key-use").click();
        browser.waiting().until(d -> browser.find("#caller").getText().contains("demo-a"));
        new Select(browser.find("#indicator")).selectByValue(DemoDataSet.CARE_HOME_ADMISSIONS);
        waitForView(REGION, DemoDataSet.CARE_HOME_ADMISSIONS);
        clickArea(CASTERBRIDGE);
        waitForView(CASTERBRIDGE, DemoDataSet.CARE_HOME_ADMISSIONS);
        clickArea(CASTERBRIDGE_NORTH);
        waitForView(CASTERBRIDGE_NORTH, DemoDataSet.CARE_HOME_ADMISSIONS);

        Map<String, JsonNode> expected = compare(api("demo-analyst"), DemoDataSet.CARE_HOME_ADMISSIONS, CASTERBRIDGE_NORTH, "lsoa");
        Set<String> suppressed = expected.entrySet().stream()
                .filter(e -> e.getValue().at("/observation/disclosure/status").asString().equals("SUPPRESSED"))
                .map(Map.Entry::getKey).collect(Collectors.toSet());
        assertThat(suppressed).as("the analyst's agreement stops at wards: small LSOA values are withheld").isNotEmpty()
                .hasSizeLessThan(expected.size());
        Map<String, String> shapes = shapes();
        assertThat(shapes.keySet()).isEqualTo(expected.keySet());
        Set<String> shownSuppressed = new HashSet<>();
        browser.findAll("#data-table tbody tr[data-disclosure='SUPPRESSED']").forEach(r -> shownSuppressed.add(r.getDomAttribute("data-area-code")));
        assertThat(shownSuppressed).isEqualTo(suppressed);
        for (String code : suppressed) {
            WebElement row = browser.find("#data-table tbody tr[data-area-code='" + code + "']");
            assertThat(row.findElement(org.openqa.selenium.By.cssSelector("td.value")).getText()).startsWith("[c]");
            assertThat(row.getText()).contains("Suppressed").contains(expected.get(code).at("/observation/disclosure/reason").asString());
            assertThat(shapes.get(code)).contains("disclosure-suppressed").contains("outcome-not-compared");
            assertThat(browser.find("#map path[data-area-code='" + code + "']").getCssValue("fill")).contains("pattern-suppressed");
        }
        expected.forEach((code, c) -> assertThat(shapes.get(code)).contains(outcomeClass(c.get("outcome").asString())));
        assertThat(browser.find("#legend li[data-disclosure='SUPPRESSED']").getText()).endsWith("(" + suppressed.size() + ")");
        assertOnlyThisServerAndNoProblems();
        browser.screenshot("dashboard-ward-suppressed");

        // The CSV link sends the key too (a plain link cannot): the file has the analyst's values, suppressed ones withheld.
        Map<String, CSVRecord> csv = download();
        assertThat(csv.keySet()).isEqualTo(expected.keySet());
        suppressed.forEach(code -> assertThat(csv.get(code).get("disclosure_status")).isEqualTo("SUPPRESSED"));
        expected.keySet().stream().filter(c -> !suppressed.contains(c)).forEach(code ->
                assertThat(Double.parseDouble(csv.get(code).get("value"))).isEqualTo(expected.get(code).at("/observation/value").asDouble()));
    }

    @Test
    void theKeyboardAloneDrillsFromTheRegionToAWardsLsoasWithVisibleFocus() throws Exception {
        open("/#indicator=" + DemoDataSet.ADMISSIONS_RATE);
        waitForView(REGION, DemoDataSet.ADMISSIONS_RATE);
        String melchester = "Z08000002";
        tabUntil(melchester);
        WebElement focused = browser.driver.switchTo().activeElement();
        assertThat(focused.getCssValue("stroke-width")).isEqualTo("6px");
        assertThat(browser.find("#map path[data-area-code='Z08000001']").getCssValue("stroke-width")).isEqualTo("1px");
        assertThat(focused.getDomAttribute("aria-label")).startsWith("Melchester.").contains("Press Enter to show its wards");
        browser.screenshot("dashboard-keyboard-focus");
        focused.sendKeys(Keys.ENTER);
        waitForView(melchester, DemoDataSet.ADMISSIONS_RATE);
        assertThat(shapes().keySet()).isEqualTo(childCodes(melchester, "ward"));

        // Focus is on the map, so the next Tab reaches its first ward.
        new Actions(browser.driver).sendKeys(Keys.TAB).perform();
        String ward = browser.driver.switchTo().activeElement().getDomAttribute("data-area-code");
        assertThat(childCodes(melchester, "ward")).contains(ward);
        new Actions(browser.driver).sendKeys(Keys.ENTER).perform();
        waitForView(ward, DemoDataSet.ADMISSIONS_RATE);
        assertThat(shapes().keySet()).isEqualTo(childCodes(ward, "lsoa"));
        Map<String, JsonNode> expected = compare(api(), DemoDataSet.ADMISSIONS_RATE, ward, "lsoa");
        expected.forEach((code, c) -> assertThat(shapes().get(code)).contains(outcomeClass(c.get("outcome").asString())));

        // The table is the map's keyboard twin: its buttons select an LSOA (the finest level) for the trend.
        String lsoa = expected.keySet().iterator().next();
        WebElement button = browser.find("#data-table button[data-area-code='" + lsoa + "']");
        button.sendKeys(Keys.ENTER);
        browser.waiting().until(d -> lsoa.equals(browser.find("#trend-area").getDomAttribute("data-area-code")));
        assertOnlyThisServerAndNoProblems();
    }

    @Test
    void anUnknownKeyIsReportedAndNeverReadAsThePublic() throws Exception {
        open("/#indicator=" + DemoDataSet.ADMISSIONS_RATE);
        waitForView(REGION, DemoDataSet.ADMISSIONS_RATE);
        browser.find("#key-details summary").click();
        browser.find("#api-key").sendKeys("no-such-key");
        browser.find("#api-key-use").click();
        browser.waiting().until(d -> browser.find("#error-summary").isDisplayed());
        assertThat(browser.find("#error-summary").getText()).contains("The API key was not accepted");
        assertThat(browser.find("#status").getText()).startsWith("The dashboard could not load");

        browser.find("#key-details summary").click();
        browser.find("#api-key-forget").click();
        browser.waiting().until(d -> !browser.find("#error-summary").isDisplayed()
                && browser.find("#status").getText().startsWith("Showing "));
        assertThat(browser.find("#caller").getText()).startsWith("Reading as the public");
    }

    @Test
    void theCsvLinkDownloadsTheQuestionOnTheMap() throws Exception {
        open("/#indicator=" + DemoDataSet.ADMISSIONS_RATE);
        waitForView(REGION, DemoDataSet.ADMISSIONS_RATE);
        String href = browser.find("#csv-link").getDomAttribute("href");
        assertThat(href).startsWith("/api/v1/observations.csv?").contains("indicator=" + DemoDataSet.ADMISSIONS_RATE)
                .contains("within=" + REGION).contains("level=lad");
        Map<String, CSVRecord> csv = download();
        Map<String, JsonNode> expected = compare(api(), DemoDataSet.ADMISSIONS_RATE, REGION, "lad");
        assertThat(csv.keySet()).isEqualTo(expected.keySet()).containsAll(childCodes(REGION, "lad"));
        expected.forEach((code, c) -> {
            if (c.at("/observation/value").isNumber()) {
                assertThat(Double.parseDouble(csv.get(code).get("value"))).isEqualTo(c.at("/observation/value").asDouble());
            } else {
                assertThat(csv.get(code).get("value")).isEmpty();
            }
            assertThat(csv.get(code).get("comparison")).isEqualTo(c.get("outcome").asString());
        });
    }

    /**
     * docs/partner-integrator.md, section 6, as a newcomer follows it: the steward defines an
     * indicator, uploads a release of every demo LSOA by sex with the command line, then opens the
     * dashboard, chooses the indicator and sees the districts drawn with their totals - the sums of
     * the file's rows - and drills into a district's wards.
     */
    @Test
    void theWalkthroughInTheDocsUploadsAReleaseWithTheCliAndShowsItOnTheMap() throws Exception {
        String guide = Files.readString(Path.of("../docs/partner-integrator.md"));
        assertThat(guide).contains("upload-release library-visits-2024.csv --indicator my-first-indicator")
                .contains("See it on the map");
        String indicator = "walkthrough-library-visits";
        Api.Response defined = api("demo-steward").postJson("/api/v1/indicators", Map.ofEntries(
                Map.entry("id", indicator), Map.entry("title", "Library visits (walkthrough)"),
                Map.entry("definition", "Visits to council libraries by residents in the year."), Map.entry("unit", "visits"),
                Map.entry("measureType", "ADDITIVE_COUNT"), Map.entry("multiplier", 1), Map.entry("polarity", "NO_JUDGEMENT"),
                Map.entry("disclosureClass", "OPEN"), Map.entry("source", "Wessex County Council libraries"),
                Map.entry("licence", "OGL v3.0"), Map.entry("characteristicTypes", List.of("sex"))));
        assertThat(defined.status()).as(defined.body().toString()).isIn(200, 201);

        // The file the guide's awk line makes: every LSOA by sex for 2024.
        java.util.Random random = new java.util.Random(2024);
        StringBuilder csv = new StringBuilder("area_code,period,sex,count\n");
        Map<String, Long> lsoaTotals = new TreeMap<>();
        for (int i = 1; i <= 600; i++) {
            String lsoa = String.format(java.util.Locale.ROOT, "Z01%06d", i);
            for (String sex : List.of("F", "M")) {
                int count = 20 + random.nextInt(80);
                csv.append(lsoa).append(",2024,").append(sex).append(',').append(count).append('\n');
                lsoaTotals.merge(lsoa, (long) count, Long::sum);
            }
        }
        Path file = Path.of("target", "walkthrough", "library-visits-2024.csv");
        Files.createDirectories(file.getParent());
        Files.writeString(file, csv.toString());
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
        int exit = org.sightline.cli.SightlineCli.commandLine(new java.io.PrintStream(out, true, StandardCharsets.UTF_8),
                        new java.io.PrintStream(err, true, StandardCharsets.UTF_8))
                .execute("--url", base(), "--api-key", "demo-steward", "upload-release", file.toString(), "--indicator", indicator);
        assertThat(exit).as(out + "\n" + err).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("Published release");

        open("/");
        waitForView(REGION, null);
        new Select(browser.find("#indicator")).selectByValue(indicator);
        waitForView(REGION, indicator);
        assertThat(browser.find("#map").getDomAttribute("data-period")).isEqualTo("2024");
        Set<String> districts = childCodes(REGION, "lad");
        assertThat(shapes().keySet()).isEqualTo(districts);
        Map<String, JsonNode> expected = compare(api(), indicator, REGION, "lad");
        shapes().forEach((code, classes) -> assertThat(classes).contains(outcomeClass(outcome(expected, code))));
        for (String district : districts) {
            long total = allChildCodes(district, "lsoa").stream().mapToLong(l -> lsoaTotals.getOrDefault(l, 0L)).sum();
            WebElement row = browser.find("#data-table tbody tr[data-area-code='" + district + "']");
            assertThat(Long.parseLong(row.findElement(org.openqa.selenium.By.cssSelector("td.value")).getText().replace(",", "")))
                    .as("the total of %s's LSOAs in the file", district).isEqualTo(total);
            assertThat(row.getDomAttribute("data-disclosure")).isEqualTo("EXACT");
        }
        assertOnlyThisServerAndNoProblems();
        browser.screenshot("walkthrough-uploaded-release-on-the-map");

        clickArea(CASTERBRIDGE);
        waitForView(CASTERBRIDGE, indicator);
        assertThat(shapes().keySet()).isEqualTo(childCodes(CASTERBRIDGE, "ward"));
    }

    // ------------------------------------------------------------------ helpers

    private String base() {
        return "http://localhost:" + port;
    }

    private void open(String path) {
        browser.driver.get("about:blank");
        browser.driver.get(base() + path);
    }

    /** Waits until the map shows the children of {@code parent} (for {@code indicator}, or any). */
    private void waitForView(String parent, String indicator) throws Exception {
        try {
            browser.waiting().until(d -> {
                WebElement map = browser.find("#map");
                return "true".equals(map.getDomAttribute("data-ready")) && parent.equals(map.getDomAttribute("data-parent"))
                        && (indicator == null || indicator.equals(map.getDomAttribute("data-indicator")));
            });
        } catch (org.openqa.selenium.TimeoutException e) {
            browser.screenshot("failed-waiting-for-" + parent);
            WebElement map = browser.find("#map");
            throw new AssertionError("the map never showed " + parent + " / " + indicator + ": it shows " + map.getDomAttribute("data-parent")
                    + " / " + map.getDomAttribute("data-indicator") + " (ready " + map.getDomAttribute("data-ready") + "); status: "
                    + browser.find("#status").getText() + "; problems: " + browser.problems(), e);
        }
    }

    /** Area code to the class attribute of its shape on the map. */
    @SuppressWarnings("unchecked")
    private Map<String, String> shapes() {
        List<List<String>> pairs = (List<List<String>>) browser.script(
                "return [...document.querySelectorAll('#map path[data-area-code]')]"
                        + ".map(p => [p.getAttribute('data-area-code'), p.getAttribute('class')]);");
        Map<String, String> shapes = new LinkedHashMap<>();
        pairs.forEach(p -> assertThat(shapes.put(p.get(0), p.get(1))).as("one shape for " + p.get(0)).isNull());
        return shapes;
    }

    /**
     * A real mouse click well inside the area's shape: a point whose surroundings (8 px each way)
     * are the shape too, since the middle of its box may lie in a neighbour and a point at an edge
     * may fall to the neighbour's outline once hovered.
     */
    @SuppressWarnings("unchecked")
    private void clickArea(String code) {
        List<Number> point = (List<Number>) browser.script("""
                window.scrollTo(0, 0);
                const p = document.querySelector('#map path[data-area-code="' + arguments[0] + '"]');
                const r = p.getBoundingClientRect();
                const hits = (x, y) => document.elementFromPoint(x, y) === p;
                for (let i = 1; i < 24; i++) for (let j = 1; j < 24; j++) {
                  const x = r.left + r.width * i / 24, y = r.top + r.height * j / 24;
                  if (hits(x, y) && hits(x - 8, y) && hits(x + 8, y) && hits(x, y - 8) && hits(x, y + 8)) return [x, y];
                }
                return null;""", code);
        assertThat(point).as("a visible point inside " + code).isNotNull();
        new Actions(browser.driver).moveToLocation(point.get(0).intValue(), point.get(1).intValue()).click().perform();
    }

    private void tabUntil(String code) {
        for (int i = 0; i < 80; i++) {
            new Actions(browser.driver).sendKeys(Keys.TAB).perform();
            if (code.equals(browser.driver.switchTo().activeElement().getDomAttribute("data-area-code"))) {
                return;
            }
        }
        throw new AssertionError("Tab never reached the shape of " + code);
    }

    private Map<String, CSVRecord> download() throws Exception {
        try (Stream<Path> before = Files.list(browser.downloads)) {
            before.forEach(p -> p.toFile().delete());
        }
        browser.find("#csv-link").click();
        Path[] file = new Path[1];
        browser.waiting().until(d -> {
            try (Stream<Path> files = Files.list(browser.downloads)) {
                file[0] = files.filter(p -> p.toString().endsWith(".csv")).findFirst().orElse(null);
                return file[0] != null;
            } catch (java.io.IOException e) {
                return false;
            }
        });
        Map<String, CSVRecord> rows = new LinkedHashMap<>();
        try (Reader reader = Files.newBufferedReader(file[0], StandardCharsets.UTF_8)) {
            reader.mark(1);
            if (reader.read() != '\uFEFF') {
                reader.reset();
            }
            for (CSVRecord r : CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader)) {
                rows.put(r.get("area_code"), r);
            }
        }
        return rows;
    }

    private void assertOnlyThisServerAndNoProblems() {
        assertThat(browser.loadedUrls()).isNotEmpty().allSatisfy(url -> assertThat(url).startsWith(base() + "/"));
        assertThat(browser.failedUrls()).isEmpty();
        assertThat(browser.problems()).isEmpty();
    }

    /** The areas of a level inside an area that have a boundary, so are drawn. */
    private Set<String> childCodes(String within, String level) {
        return children(within, level, true);
    }

    /** Every area of a level inside an area, drawn or only listed. */
    private Set<String> allChildCodes(String within, String level) {
        return children(within, level, false);
    }

    private Set<String> children(String within, String level, boolean drawnOnly) {
        Set<String> codes = new HashSet<>();
        api().data("query($t: String!, $w: String!) { areas(type: $t, within: $w, first: 1000) { edges { node { code boundary(zoom: 3) } } } }",
                Map.of("t", level, "w", within)).at("/areas/edges").forEach(e -> {
                    if (!drawnOnly || !e.at("/node/boundary").isNull()) {
                        codes.add(e.at("/node/code").asString());
                    }
                });
        return codes;
    }

    /** The outcome the page shows for an area: compare's, or UNAVAILABLE when compare has none for it. */
    private static String outcome(Map<String, JsonNode> comparisons, String code) {
        return comparisons.containsKey(code) ? comparisons.get(code).get("outcome").asString() : "UNAVAILABLE";
    }

    /** What compare says about the question the page is showing (its period and colouring method, read from the page). */
    private Map<String, JsonNode> compare(Api caller, String indicator, String within, String level) {
        Map<String, Object> variables = new LinkedHashMap<>();
        variables.put("query", question(indicator, within, level));
        variables.put("method", browser.find("#map").getDomAttribute("data-method"));
        Map<String, JsonNode> byArea = new TreeMap<>();
        caller.data(COMPARE, variables).get("compare").forEach(c -> byArea.put(c.at("/observation/area/code").asString(), c));
        return byArea;
    }

    private Map<String, Object> question(String indicator, String within, String level) {
        String period = browser.find("#map").getDomAttribute("data-period");
        return Map.of("indicator", indicator, "areas", Map.of("within", within, "level", level),
                "periods", Map.of("codes", List.of(period)));
    }

    private static String outcomeClass(String outcome) {
        return "outcome-" + outcome.toLowerCase().replace('_', '-');
    }
}
