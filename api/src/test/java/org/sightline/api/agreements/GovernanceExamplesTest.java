package org.sightline.api.agreements;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.sightline.api.time.ServiceClock;
import tools.jackson.databind.JsonNode;

/** The GraphQL examples of docs/governance.md run as written, with the keys the page names. */
class GovernanceExamplesTest extends RegisterTestBase {

    @Test
    void theExamplesDraftApproveReadAndAuditAsThePageSays() throws IOException {
        List<String> blocks = graphqlBlocks();
        assertThat(blocks).hasSize(4);
        // The example's dates are fixed; read them on a day inside them.
        clock.set(LocalDate.of(2026, 1, 15).atTime(LocalTime.NOON).atZone(ServiceClock.ZONE).toInstant());
        try {
            JsonNode created = admin().data(blocks.get(0), Map.of()).at("/createAgreement/agreement");
            assertThat(created.get("status").asString()).isEqualTo("DRAFT");
            assertThat(created.get("createdBy").asString()).isEqualTo(callerIds.get("demo-admin"));

            JsonNode approved = api("demo-steward").data(blocks.get(1), Map.of()).at("/approveAgreement/agreement");
            assertThat(approved.get("status").asString()).isEqualTo("APPROVED");
            assertThat(approved.get("live").asBoolean()).isTrue();
            assertThat(approved.get("approvedBy").asString()).isEqualTo(callerIds.get("demo-steward"));

            JsonNode read = api("demo-steward").data(blocks.get(2), Map.of()).get("agreement");
            assertThat(read.get("status").asString()).isEqualTo("APPROVED");
            List<String> history = new ArrayList<>();
            read.get("history").forEach(c -> history.add(c.get("action").asString() + " " + c.get("field").asString()));
            assertThat(history).contains("CREATED purpose", "CREATED parties", "APPROVED status");

            JsonNode log = api("demo-steward").data(blocks.get(3), Map.of()).get("accessLog");
            assertThat(log.get("totalCount").asInt()).isNotNegative();
        } finally {
            // Leave the demo as it was: the example agreement ends.
            admin().graphql(END, Map.of("id", "wessex-mh-2025", "reason", "documentation example"));
            clock.reset();
        }
    }

    private static List<String> graphqlBlocks() throws IOException {
        String page = Files.readString(Path.of("../docs/governance.md"));
        Matcher m = Pattern.compile("```graphql\\n(.*?)```", Pattern.DOTALL).matcher(page);
        List<String> blocks = new ArrayList<>();
        while (m.find()) {
            blocks.add(m.group(1));
        }
        return blocks;
    }
}
