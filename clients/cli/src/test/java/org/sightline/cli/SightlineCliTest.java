package org.sightline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** What the command line does before it reaches a server: help, usage errors, missing files, no server. */
class SightlineCliTest {

    record Run(int exitCode, String out, String err) {
    }

    static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = SightlineCli.commandLine(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8))
                .execute(args);
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void everyCommandHasHelpWithExamplesAndTheExitCodesAreListed() {
        Run help = run("--help");
        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).contains("Exit codes:").contains("Examples:");
        for (String command : new String[]{"query", "export", "catalogue", "releases", "upload-release", "upload-records", "import-geography"}) {
            assertThat(help.out()).contains("  " + command + " ");
            Run commandHelp = run(command, "--help");
            assertThat(commandHelp.exitCode()).as(command).isZero();
            assertThat(commandHelp.out()).as(command).contains("Usage: sightline " + command).contains("Example").contains("--url");
            // Help text is for people: no picocli formatting failures, no lines past 80 columns in the examples.
            assertThat(commandHelp.err()).as(command).isEmpty();
        }
    }

    @Test
    void aCommandWrittenWronglyIsAUsageErrorWithExitCode2() {
        assertThat(run().exitCode()).isEqualTo(2);
        Run unknown = run("query", "demo-population", "--level", "ward", "--colour", "red");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).contains("Unknown options: '--colour', 'red'").contains("See 'sightline query --help'");
        Run noAreas = run("query", "demo-population");
        assertThat(noAreas.exitCode()).isEqualTo(2);
        assertThat(noAreas.err()).contains("Say which areas");
        assertThat(run("query", "demo-population", "--within", "Z08000001").err()).contains("--within needs --level");
        assertThat(run("query", "demo-population", "--level", "lad", "--filter", "sex").exitCode()).isEqualTo(2);
        assertThat(run("--timeout", "soon", "catalogue").err()).contains("'soon' is not a time");
        assertThat(run("upload-release", "x.csv", "--indicator", "i", "--corrects", "3").err()).contains("--corrects and --reason go together");
        assertThat(run("--url", "ftp://example", "catalogue").exitCode()).isEqualTo(2);
    }

    @Test
    void aFileThatCannotBeReadIsExitCode6() {
        Run missing = run("upload-release", "target/no-such-file.csv", "--indicator", "demo-population");
        assertThat(missing.exitCode()).isEqualTo(6);
        assertThat(missing.err()).contains("no-such-file.csv: no such file");
    }

    @Test
    void aServerThatCannotBeReachedIsExitCode5() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Run unreachable = run("--url", "http://localhost:" + port, "--quiet", "catalogue");
        assertThat(unreachable.exitCode()).isEqualTo(5);
        assertThat(unreachable.err()).contains("could not connect");
    }
}
