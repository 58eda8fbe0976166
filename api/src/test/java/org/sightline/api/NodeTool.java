package org.sightline.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * An npm package of the repository (its dependencies locked in its package-lock.json, from the npm
 * registry) run by a test: its packages installed with {@code npm ci} when absent, then its
 * commands run in its directory with their output kept for the assertion message. Needs Node.js
 * and npm (installed by .ci/run); {@link #assumeNodeAndNpm} skips the test with a message where
 * they are absent. A test using it sets its own {@code @Timeout}: the suite's default of 30 s does
 * not cover an {@code npm ci}.
 */
public final class NodeTool {

    /** A finished command: its exit code and everything it printed (stdout and stderr). */
    public record Run(String command, int exitCode, String output) {

        /** Fails the test, showing the output, unless the command exited 0. */
        public Run assertSucceeded() {
            assertThat(exitCode).as("%s exited %d:%n%s", command, exitCode, output).isZero();
            return this;
        }
    }

    private final Path directory;

    /** The npm package in {@code directory} (relative to the api module, where the tests run). */
    public NodeTool(Path directory) {
        this.directory = directory;
    }

    /** Skips the calling test, saying {@code why} Node.js is needed, unless node and npm run here. */
    public static void assumeNodeAndNpm(String why) {
        assumeTrue(commandWorks("node", "--version") && commandWorks("npm", "--version"), "Node.js and npm are needed " + why);
    }

    /** {@code npm ci} (exactly the locked versions) unless {@code node_modules/<probe>} is there already. */
    public void installUnless(String probe) throws IOException, InterruptedException {
        if (!Files.isDirectory(directory.resolve("node_modules").resolve(probe))) {
            run(Map.of(), 420, "npm", "ci", "--no-audit", "--no-fund").assertSucceeded();
        }
    }

    /** Runs a command in the package's directory with extra environment variables, waiting at most the timeout. */
    public Run run(Map<String, String> environment, int timeoutSeconds, String... command) throws IOException, InterruptedException {
        String shown = String.join(" ", command);
        Files.createDirectories(Path.of("target"));
        File log = File.createTempFile("node-tool", ".log", new File("target"));
        try {
            ProcessBuilder builder = new ProcessBuilder(List.of(command)).directory(directory.toFile())
                    .redirectErrorStream(true).redirectOutput(log);
            builder.environment().put("NO_COLOR", "1");
            builder.environment().putAll(environment);
            Process process = builder.start();
            try {
                if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                    return new Run(shown, -1, shown + " did not finish in " + timeoutSeconds + " s:\n" + read(log));
                }
                return new Run(shown, process.exitValue(), read(log));
            } finally {
                // Timed out, or the test was interrupted (its own timeout): npm's children too.
                if (process.isAlive()) {
                    process.descendants().forEach(ProcessHandle::destroyForcibly);
                    process.destroyForcibly();
                }
            }
        } finally {
            log.delete();
        }
    }

    private static String read(File log) throws IOException {
        return Files.readString(log.toPath(), StandardCharsets.UTF_8);
    }

    private static boolean commandWorks(String... command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
