package org.sightline.api.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.sightline.api.NodeTool;
import org.sightline.api.SightlineTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The graphql-http audit of the GraphQL-over-HTTP specification (the audit the issue ran, from
 * the npm registry, locked in api/src/test/graphql-http) against the running server: every audit
 * passes, with no warning, error or notice. Needs Node.js and npm (installed by .ci/run); skipped
 * with a message where they are absent.
 */
class GraphQlOverHttpConformanceTest extends SightlineTest {

    private static final NodeTool AUDIT = new NodeTool(Path.of("src/test/graphql-http"));

    @Test
    @Timeout(value = 8, unit = TimeUnit.MINUTES) // npm ci when node_modules is absent; seconds once installed
    void theGraphqlHttpAuditFindsNothingToReport() throws Exception {
        NodeTool.assumeNodeAndNpm("to run the graphql-http audit");
        AUDIT.installUnless("graphql-http");
        NodeTool.Run audit = AUDIT.run(Map.of(), 120, "node", "audit.mjs", "http://localhost:" + port + "/graphql").assertSucceeded();
        String[] lines = audit.output().strip().split("\n");
        JsonNode counts = JsonMapper.builder().build().readTree(lines[lines.length - 1]);
        assertThat(counts.get("ok").asInt()).as(audit.output()).isGreaterThan(50);
        assertThat(counts.get("notice").asInt()).as(audit.output()).isZero();
        assertThat(counts.get("warn").asInt()).as(audit.output()).isZero();
        assertThat(counts.get("error").asInt()).as(audit.output()).isZero();
    }
}
