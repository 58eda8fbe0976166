package org.sightline.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** An answer only counts as an answer when it is complete: errors, refusals and short pages are failures. */
class ResponseCheckTest {

    private final ResponseCheck twoObservations = ResponseCheck.graphQl(2, "observations", "edges");

    @Test
    void acceptsAGraphQlAnswerWithTheExpectedRowsAndNoErrors() {
        assertThat(twoObservations.failure(200, """
                {"data": {"observations": {"edges": [{"node": {}}, {"node": {}}]}}}""")).isEmpty();
    }

    @Test
    void countsAGraphQlErrorAnsweredWithHttp200AsAFailure() {
        assertThat(twoObservations.failure(200, """
                {"errors": [{"message": "level 'ward' is finer than PUBLIC may see"}], "data": {"observations": null}}"""))
                .hasValueSatisfying(why -> assertThat(why).contains("GraphQL errors").contains("finer than PUBLIC may see"));
    }

    @Test
    void countsARefusalAsAFailureAndSaysWhy() {
        assertThat(twoObservations.failure(401, """
                {"classification":"UNAUTHORIZED","message":"unknown API key"}"""))
                .hasValueSatisfying(why -> assertThat(why).startsWith("HTTP 401").contains("unknown API key"));
    }

    @Test
    void countsAShortPageAsAFailure() {
        assertThat(twoObservations.failure(200, """
                {"data": {"observations": {"edges": [{"node": {}}]}}}"""))
                .hasValue("data.observations.edges has 1 rows, expected 2");
    }

    @Test
    void countsAnAnswerThatIsNotJsonAsAFailure() {
        assertThat(twoObservations.failure(200, "<html>proxy error</html>"))
                .hasValueSatisfying(why -> assertThat(why).startsWith("the answer is not JSON"));
    }

    @Test
    void countsTheRowsOfACsvAfterItsHeader() {
        ResponseCheck threeRows = ResponseCheck.csv(3);
        String header = "\uFEFFindicator_id,area_code,sex,value\r\n";
        assertThat(threeRows.failure(200, header + "p,Z1,F,1\r\np,Z1,M,2\r\np,Z2,F,3\r\n")).isEmpty();
        assertThat(threeRows.failure(200, header + "p,Z1,F,1\r\n")).hasValue("the CSV has 1 rows after the header, expected 3");
        assertThat(threeRows.failure(422, "too many cells")).hasValue("HTTP 422: too many cells");
    }
}
