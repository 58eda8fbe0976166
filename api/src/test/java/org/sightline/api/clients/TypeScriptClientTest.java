package org.sightline.api.clients;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.sightline.api.NodeTool;
import org.sightline.api.SightlineTest;

/**
 * The TypeScript client in clients/typescript, as its front-end users get it: its generated types
 * are what the server's schema files generate now (codegen --check: a schema change committed
 * without regenerating fails here), it compiles under strict tsc (which also checks the typed
 * documents' compile-time expectations in test/types.ts), and its tests pass against this demo
 * server: typed rows equal a raw fetch's, compare outcomes are the schema's values, refusals are
 * typed errors, GET answers are revalidated with ETags, 429s are retried. Needs Node.js and npm;
 * skipped with a message where they are absent.
 */
class TypeScriptClientTest extends SightlineTest {

    private static final NodeTool CLIENT = new NodeTool(Path.of("../clients/typescript"));

    @Test
    @Timeout(value = 10, unit = TimeUnit.MINUTES) // npm ci when node_modules is absent; about 20 s once installed
    void theGeneratedTypesAreCurrentAndTheClientPassesItsTestsAgainstTheServer() throws Exception {
        NodeTool.assumeNodeAndNpm("to build and test the TypeScript client");
        CLIENT.installUnless("@graphql-codegen/cli");
        CLIENT.run(Map.of(), 120, "npm", "run", "codegen:check").assertSucceeded();
        CLIENT.run(Map.of(), 120, "npm", "run", "build").assertSucceeded();
        NodeTool.Run tests = CLIENT.run(Map.of("SIGHTLINE_URL", "http://localhost:" + port), 120, "npm", "test").assertSucceeded();
        // node --test reports its counts; a run that found no test files would pass with none.
        assertThat(tests.output()).as(tests.output()).containsPattern("(?m)^ℹ pass [1-9]").containsPattern("(?m)^ℹ fail 0$");
    }
}
