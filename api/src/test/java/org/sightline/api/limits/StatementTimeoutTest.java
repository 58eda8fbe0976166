package org.sightline.api.limits;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sightline.api.SightlineTest;
import org.sightline.api.http.PublicResponseCache;
import org.sightline.api.observations.AnswerCache;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * A question that runs longer than the statement timeout is cancelled by the database and answered
 * with a TIMEOUT error naming the limit, not an internal error; with the usual timeout the same
 * question is answered.
 */
class StatementTimeoutTest extends SightlineTest {

    @Autowired
    StatementTimeout statementTimeout;

    @Autowired
    AnswerCache answers;

    @Autowired
    PublicResponseCache responses;

    @Test
    void aQuestionOverTheTimeoutIsCancelledWithAClearError() {
        String question = "{ observations(query: {indicator: \"demo-population\", areas: {within: \"Z12000001\", level: \"ward\"}, "
                + "breakdown: [\"sex\"]}, first: 5) { totalCount } }";
        try {
            statementTimeout.set(Duration.ofMillis(1));
            answers.clear();
            responses.clear();
            JsonNode refused = api().graphql(question, Map.of());
            JsonNode error = refused.at("/errors/0");
            assertThat(error.at("/extensions/classification").asString()).as("%s", refused).isEqualTo("TIMEOUT");
            assertThat(error.at("/message").asString()).contains("1 ms").contains("sightline.limits.statement-timeout");
        } finally {
            statementTimeout.set(Duration.ofSeconds(30));
        }
        answers.clear();
        // the public's response cache did not keep the timeout: asked again, the question is answered
        assertThat(api().data(question, Map.of()).at("/observations/totalCount").asInt()).isPositive();
    }
}
