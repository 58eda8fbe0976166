package org.sightline.api.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
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

    private static final Path AUDIT = Path.of("src/test/graphql-http");

    @Test
    void theGraphqlHttpAuditFindsNothingToReport() throws Exception {
        assumeTrue(commandWorks("node", "--version") && commandWorks("npm", "--version"),
                "Node.js and npm are needed to run the graphql-http audit");
        if (!Files.isDirectory(AUDIT.resolve("node_modules/graphql-http"))) {
            Run install = run(List.of("npm", "ci", "--no-audit", "--no-fund"), 300);
            assertThat(install.exitCode()).as(install.output()).isZero();
        }
        Run audit = run(List.of("node", "audit.mjs", "http://localhost:" + port + "/graphql"), 120);
        assertThat(audit.exitCode()).as(audit.output()).isZero();
        String[] lines = audit.output().strip().split("\n");
        JsonNode counts = JsonMapper.builder().build().readTree(lines[lines.length - 1]);
        assertThat(counts.get("ok").asInt()).as(audit.output()).isGreaterThan(50);
        assertThat(counts.get("notice").asInt()).as(audit.output()).isZero();
        assertThat(counts.get("warn").asInt()).as(audit.output()).isZero();
        assertThat(counts.get("error").asInt()).as(audit.output()).isZero();
    }

    private record Run(int exitCode, String output) {
    }

    private static Run run(List<String> command, int timeoutSeconds) throws IOException, InterruptedException {
        File log = File.createTempFile("graphql-http-audit", ".log");
        try {
            Process process = new ProcessBuilder(command).directory(AUDIT.toFile()).redirectErrorStream(true)
                    .redirectOutput(log).start();
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return new Run(-1, String.join(" ", command) + " did not finish in " + timeoutSeconds + " s");
            }
            return new Run(process.exitValue(), Files.readString(log.toPath(), StandardCharsets.UTF_8));
        } finally {
            log.delete();
        }
    }

    private static boolean commandWorks(String... command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }
}
