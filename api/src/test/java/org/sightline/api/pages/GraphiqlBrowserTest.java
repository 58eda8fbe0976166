package org.sightline.api.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.openqa.selenium.Keys;
import org.openqa.selenium.interactions.Actions;
import org.sightline.api.SightlineTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * GraphiQL at {@code /graphiql} as an offline browser meets it: chromium resolving no host but
 * localhost, so a page that needed a CDN would stay at "Loading...". It renders from the jar's
 * webjars, runs a query as the public (refused below wards, as the service words it), and again
 * with a demo key typed into its Headers tab (the analyst's LSOA values, small ones suppressed);
 * every request went to this server and no Content Security Policy was violated.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class GraphiqlBrowserTest extends SightlineTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** The Headers editor (the Variables editor beside it is hidden). */
    private static final String HEADERS = ".graphiql-editor-tool .graphiql-editor:not(.hidden) .CodeMirror";
    private static final String QUERY = """
            {
              compare(query: {indicator: "demo-care-home-admissions", areas: {within: "Z05000001", level: "lsoa"}}) {
                outcome
                observation { area { code } value disclosure { status } }
              }
            }
            """;

    @Test
    void graphiqlRunsQueriesAsThePublicAndWithADemoKeyFromTheJarAlone() throws Exception {
        HttpResponse<String> page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/graphiql"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        String policy = page.headers().firstValue("Content-Security-Policy").orElse("");
        assertThat(policy).contains("script-src 'self';").contains("connect-src 'self'").doesNotContain("http");

        try (Browser browser = Browser.start()) {
            browser.driver.get("http://localhost:" + port + "/graphiql");
            browser.waiting().until(d -> !browser.findAll(".graphiql-execute-button").isEmpty());
            setEditor(browser, ".graphiql-query-editor .CodeMirror", QUERY);

            browser.find(".graphiql-execute-button").click();
            JsonNode asPublic = result(browser);
            assertThat(asPublic.at("/errors/0/extensions/classification").asString()).isEqualTo("FORBIDDEN");
            assertThat(asPublic.at("/errors/0/message").asString()).contains("ward level or coarser");

            // The Headers tab is open; a demo key typed there is sent with the next run.
            browser.find(HEADERS).click();
            new Actions(browser.driver).keyDown(Keys.CONTROL).sendKeys("a").keyUp(Keys.CONTROL).sendKeys(Keys.BACK_SPACE)
                    .sendKeys("{\"X-API-Key\": \"demo-analyst\"}").perform();
            String typed = editorValue(browser, HEADERS);
            assertThat(JSON.readTree(typed).path("X-API-Key").asString()).as(typed).isEqualTo("demo-analyst");
            browser.find(".graphiql-execute-button").click();
            browser.waiting().until(d -> editorValue(browser, ".result-window .CodeMirror").contains("\"outcome\""));
            JsonNode asAnalyst = result(browser);
            assertThat(asAnalyst.has("errors")).isFalse();
            assertThat(asAnalyst.at("/data/compare")).hasSize(6);
            assertThat(asAnalyst.at("/data/compare").valueStream().map(c -> c.at("/observation/disclosure/status").asString()))
                    .contains("SUPPRESSED").contains("EXACT");

            assertThat(browser.loadedUrls()).isNotEmpty()
                    .allSatisfy(url -> assertThat(url).startsWith("http://localhost:" + port + "/"))
                    .anySatisfy(url -> assertThat(url).contains("/webjars/graphiql/"));
            assertThat(browser.failedUrls()).isEmpty();
            assertThat(browser.problems()).isEmpty();
            browser.screenshot("graphiql");
        }
    }

    private static void setEditor(Browser browser, String css, String text) {
        browser.script("document.querySelector(arguments[0]).CodeMirror.setValue(arguments[1]);", css, text);
    }

    private static String editorValue(Browser browser, String css) {
        Object value = browser.script("""
                const editor = document.querySelector(arguments[0]);
                return editor ? editor.CodeMirror.getValue() : '';""", css);
        return value == null ? "" : value.toString();
    }

    private static JsonNode result(Browser browser) {
        browser.waiting().until(d -> !editorValue(browser, ".result-window .CodeMirror").isBlank());
        return JSON.readTree(editorValue(browser, ".result-window .CodeMirror"));
    }
}
