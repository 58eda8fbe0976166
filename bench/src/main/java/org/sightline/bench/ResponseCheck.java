package org.sightline.bench;

import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What an acceptable answer to a scenario looks like. A fast error is not a fast answer: an
 * answer counts as a failure unless it is HTTP 200, free of GraphQL errors and complete (the
 * number of rows the demo data set gives), so a benchmark cannot report speed it did not deliver.
 */
@FunctionalInterface
public interface ResponseCheck {

    /** Why the answer is not acceptable, in a line a person can act on; empty when it is. */
    Optional<String> failure(int status, String body);

    /**
     * HTTP 200, no {@code errors} member, and exactly {@code expectedRows} elements in the list at
     * {@code rows} under {@code data} (e.g. {@code observations, edges}).
     */
    static ResponseCheck graphQl(int expectedRows, String... rows) {
        if (rows.length == 0) {
            throw new IllegalArgumentException("name the path to the answer's list, e.g. \"observations\", \"edges\"");
        }
        JsonMapper json = JsonMapper.builder().build();
        String where = "data." + String.join(".", rows);
        return (status, body) -> {
            if (status != 200) {
                return Optional.of("HTTP " + status + ": " + abbreviate(body));
            }
            JsonNode answer;
            try {
                answer = json.readTree(body);
            } catch (JacksonException e) {
                return Optional.of("the answer is not JSON: " + abbreviate(body));
            }
            JsonNode errors = answer.path("errors");
            if (!errors.isMissingNode() && !(errors.isArray() && errors.isEmpty())) {
                return Optional.of("GraphQL errors: " + abbreviate(errors.toString()));
            }
            JsonNode list = answer.path("data");
            for (String step : rows) {
                list = list.path(step);
            }
            if (!list.isArray()) {
                return Optional.of(where + " is not a list: " + abbreviate(body));
            }
            if (list.size() != expectedRows) {
                return Optional.of(where + " has " + list.size() + " rows, expected " + expectedRows);
            }
            return Optional.empty();
        };
    }

    /** HTTP 200 and exactly {@code expectedRows} non-empty lines after the header line. */
    static ResponseCheck csv(int expectedRows) {
        return (status, body) -> {
            if (status != 200) {
                return Optional.of("HTTP " + status + ": " + abbreviate(body));
            }
            long lines = body.lines().filter(line -> !line.isBlank()).count();
            long records = Math.max(0, lines - 1);
            if (records != expectedRows) {
                return Optional.of("the CSV has " + records + " rows after the header, expected " + expectedRows);
            }
            return Optional.empty();
        };
    }

    private static String abbreviate(String text) {
        String oneLine = text == null ? "" : text.replaceAll("\\s+", " ").strip();
        return oneLine.length() <= 300 ? oneLine : oneLine.substring(0, 300) + "...";
    }
}
