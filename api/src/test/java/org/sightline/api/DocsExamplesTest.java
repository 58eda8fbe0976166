package org.sightline.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import tools.jackson.databind.JsonNode;

/**
 * The audience guides in docs/ run as written against the demo: every {@code graphql} block (as the
 * demo key its first line names, {@code # as demo-analyst}, or as the public; a block that starts
 * {@code # not run: <why>} changes data and is skipped) answers without errors, and every
 * {@code curl} GET of the API answers 200.
 */
class DocsExamplesTest extends SightlineTest {

    static final List<String> GUIDES = List.of("analyst.md", "data-steward.md", "governance-officer.md",
            "dashboard-developer.md", "operator.md", "partner-integrator.md");
    private static final Pattern SHELL_BLOCK = Pattern.compile("```(?:sh|bash)\\n(.*?)```", Pattern.DOTALL);
    private static final Pattern AS_KEY = Pattern.compile("^# as (demo-[a-z]+)\\s*\\n");
    private static final Pattern CURL_URL = Pattern.compile("'(http://localhost:8080/(?:graphql|api/v1/)[^']*)'");
    private static final Pattern CURL_KEY = Pattern.compile("X-API-Key: (demo-[a-z]+)");

    private final HttpClient http = HttpClient.newHttpClient();

    @TestFactory
    Stream<DynamicTest> everyGraphQlExampleInTheGuidesAnswersWithoutErrors() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (String guide : existingGuides()) {
            int n = 0;
            for (String text : ReadmeExamplesTest.graphqlBlocks(Path.of("../docs", guide))) {
                int index = ++n;
                if (text.startsWith("# not run:")) {
                    continue;
                }
                Matcher as = AS_KEY.matcher(text);
                String key = as.find() ? as.group(1) : null;
                tests.add(DynamicTest.dynamicTest(guide + " example " + index + (key == null ? " (public)" : " as " + key), () -> {
                    JsonNode response = (key == null ? api() : api(key)).graphql(text, Map.of());
                    assertThat(response.path("errors").isMissingNode() || response.path("errors").isEmpty())
                            .as("errors: %s", response.path("errors")).isTrue();
                    assertThat(response.path("data").isObject()).isTrue();
                }));
            }
        }
        assertThat(tests).as("GraphQL examples in the guides").hasSizeGreaterThan(8);
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> everyCurlGetOfTheApiInTheGuidesAnswers() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (String guide : existingGuides()) {
            Matcher block = SHELL_BLOCK.matcher(Files.readString(Path.of("../docs", guide)));
            while (block.find()) {
                for (String command : block.group(1).replace("\\\n", " ").split("\n")) {
                    if (!command.strip().startsWith("curl") || command.contains("--data") || command.contains("-X ")
                            || command.contains(" -d ") || command.contains("$")) {
                        continue;
                    }
                    Matcher url = CURL_URL.matcher(command);
                    if (!url.find()) {
                        continue;
                    }
                    Matcher key = CURL_KEY.matcher(command);
                    String apiKey = key.find() ? key.group(1) : null;
                    String address = url.group(1).replace("localhost:8080", "localhost:" + port);
                    tests.add(DynamicTest.dynamicTest(guide + ": " + url.group(1), () -> {
                        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(address)).GET();
                        if (apiKey != null) {
                            request.header("X-API-Key", apiKey);
                        }
                        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
                        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
                        assertThat(response.body()).doesNotContain("\"errors\"");
                    }));
                }
            }
        }
        assertThat(tests).as("curl GETs in the guides").hasSizeGreaterThanOrEqualTo(2);
        return tests.stream();
    }

    private static List<String> existingGuides() {
        return GUIDES.stream().filter(g -> Files.exists(Path.of("../docs", g))).toList();
    }
}
