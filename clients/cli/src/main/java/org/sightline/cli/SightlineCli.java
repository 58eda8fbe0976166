package org.sightline.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.time.Duration;
import java.util.Properties;
import org.sightline.client.BadRequestException;
import org.sightline.client.FileError;
import org.sightline.client.ForbiddenException;
import org.sightline.client.NotFoundException;
import org.sightline.client.RateLimitedException;
import org.sightline.client.SightlineClient;
import org.sightline.client.SightlineException;
import org.sightline.client.UnauthorizedException;
import org.sightline.client.UnavailableException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * {@code sightline}: ask questions, export CSV files and upload data from a shell. The options given
 * here apply to every command and may be written before or after the command's name.
 */
@Command(name = "sightline",
        mixinStandardHelpOptions = true,
        versionProvider = SightlineCli.Version.class,
        sortOptions = false,
        usageHelpAutoWidth = true,
        header = "Ask Sightline questions, export CSV files and upload data from the command line.",
        description = {
                "Sightline holds statistics by area, period and characteristic (age, sex, need, ...) for the public bodies "
                        + "of a partnership, and protects every number it gives out according to who asks.",
                "",
                "Say who you are with --api-key (or the SIGHTLINE_API_KEY environment variable) or --token; without either "
                        + "you ask as a member of the public. Say where the server is with --url (or SIGHTLINE_URL).",
                "",
                "Run 'sightline help COMMAND' (or 'sightline COMMAND --help') for what a command does, with examples."},
        subcommands = {QueryCommand.class, ExportCommand.class, CatalogueCommand.class, ReleasesCommand.class,
                UploadReleaseCommand.class, UploadRecordsCommand.class, ImportGeographyCommand.class,
                CommandLine.HelpCommand.class},
        commandListHeading = "%nCommands:%n",
        optionListHeading = "%nOptions (for every command):%n",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
                " 0:done",
                " 1:the server refused the request as wrong (a bad file: each line's problem is printed)",
                " 2:the command was not written correctly (an unknown option, a missing value)",
                " 3:not allowed: no or wrong API key or token, or your role may not do this",
                " 4:not found: no such indicator, area, release or intake",
                " 5:the server could not answer: unreachable, busy (rate limited) after retries, timed out or failed",
                " 6:a local file could not be read or written",
                "70:an unexpected error in sightline itself (please report it)"},
        footerHeading = "%nExamples:%n",
        footer = {
                "  sightline catalogue admissions",
                "  sightline query demo-population --within Z08000001 --level ward",
                "  sightline export demo-population --level lsoa -o population.csv",
                "  sightline --api-key demo-steward releases demo-service-contacts",
                "  sightline --api-key demo-steward upload-release my-file.csv \\",
                "      --indicator my-indicator",
                "",
                "Environment: SIGHTLINE_URL, SIGHTLINE_API_KEY and SIGHTLINE_TOKEN give --url, --api-key and --token."})
public final class SightlineCli implements Runnable {

    /** Exit codes, as the usage help lists them. */
    static final int OK = 0;
    static final int REFUSED = 1;
    static final int USAGE = 2;
    static final int NOT_ALLOWED = 3;
    static final int NOT_FOUND = 4;
    static final int UNAVAILABLE = 5;
    static final int IO_ERROR = 6;
    static final int BUG = 70;

    @Spec
    CommandSpec spec;

    @Option(names = "--url", scope = ScopeType.INHERIT, paramLabel = "URL", order = 1,
            defaultValue = "${env:SIGHTLINE_URL:-http://localhost:8080}",
            description = "The Sightline server (default: ${DEFAULT-VALUE}).")
    String url;

    @Option(names = "--api-key", scope = ScopeType.INHERIT, paramLabel = "KEY", order = 2,
            defaultValue = "${env:SIGHTLINE_API_KEY}",
            description = "Your API key (default: the SIGHTLINE_API_KEY environment variable). Without a key or token you ask as the public.")
    String apiKey;

    @Option(names = "--token", scope = ScopeType.INHERIT, paramLabel = "JWT", order = 3,
            defaultValue = "${env:SIGHTLINE_TOKEN}",
            description = "A bearer token from your identity provider, instead of an API key (default: SIGHTLINE_TOKEN).")
    String token;

    @Option(names = "--timeout", scope = ScopeType.INHERIT, paramLabel = "TIME", order = 4, defaultValue = "60s",
            converter = Durations.class,
            description = "How long to wait for an answer, e.g. 30s, 2m (default: ${DEFAULT-VALUE}). Uploads may take longer while they are sent.")
    Duration timeout;

    @Option(names = {"-q", "--quiet"}, scope = ScopeType.INHERIT, order = 5,
            description = "No progress bars or retry notices on the error output.")
    boolean quiet;

    final PrintStream out;
    final PrintStream err;
    /** Whether the error output is a terminal, where progress lines are redrawn in place. */
    boolean interactive;

    SightlineCli(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    public static void main(String[] args) {
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
        CommandLine commandLine = commandLine(out, err);
        ((SightlineCli) commandLine.getCommand()).interactive = System.console() != null;
        System.exit(commandLine.execute(args));
    }

    /** The command line, writing its output to {@code out} and its messages and progress to {@code err}. */
    public static CommandLine commandLine(PrintStream out, PrintStream err) {
        SightlineCli cli = new SightlineCli(out, err);
        CommandLine commandLine = new CommandLine(cli);
        commandLine.setOut(new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), true));
        commandLine.setErr(new PrintWriter(new OutputStreamWriter(err, StandardCharsets.UTF_8), true));
        commandLine.setExecutionExceptionHandler((e, failed, parseResult) -> cli.failed(e));
        // A mistake in the command: say what, and where the help is, rather than print the whole help.
        commandLine.setParameterExceptionHandler((e, args) -> {
            CommandLine wrong = e.getCommandLine();
            PrintWriter messages = wrong.getErr();
            messages.println(e.getMessage());
            CommandLine.UnmatchedArgumentException.printSuggestions(e, messages);
            messages.println("See '" + wrong.getCommandSpec().qualifiedName() + " --help' for how to use it.");
            messages.flush();
            return wrong.getCommandSpec().exitCodeOnInvalidInput();
        });
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        return commandLine;
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Say which command to run, e.g. 'sightline query' (see 'sightline --help').");
    }

    /** A client of the server the options name. */
    SightlineClient client() {
        try {
            return SightlineClient.builder(url)
                    .apiKey(apiKey)
                    .bearerToken(token)
                    .requestTimeout(timeout)
                    .connectTimeout(timeout.compareTo(Duration.ofSeconds(10)) < 0 ? timeout : Duration.ofSeconds(10))
                    .onRetry(notice -> {
                        if (!quiet) {
                            err.printf("The server %s; trying again in %s.%n",
                                    notice.status() == 0 ? "could not be reached" : notice.status() == 429 ? "is busy (429)" : "is unavailable (" + notice.status() + ")",
                                    Durations.describe(notice.delay()));
                        }
                    })
                    .build();
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    /** What a command's failure means to the person who ran it, and its exit code. */
    int failed(Exception e) {
        if (e instanceof BadRequestException refused) {
            err.println("Refused: " + refused.getMessage());
            for (FileError error : refused.errors()) {
                err.println("  " + error);
            }
            return REFUSED;
        }
        if (e instanceof UnauthorizedException unauthorized) {
            err.println("Not allowed: " + unauthorized.getMessage()
                    + (apiKey == null && token == null ? " (give an API key with --api-key or SIGHTLINE_API_KEY)" : " (check your API key or token)"));
            return NOT_ALLOWED;
        }
        if (e instanceof ForbiddenException forbidden) {
            err.println("Not allowed: " + forbidden.getMessage());
            return NOT_ALLOWED;
        }
        if (e instanceof NotFoundException notFound) {
            err.println("Not found: " + notFound.getMessage());
            return NOT_FOUND;
        }
        if (e instanceof RateLimitedException limited) {
            err.println("The server is busy: " + limited.getMessage()
                    + (limited.retryAfter() == null ? "" : " (it asks to wait " + Durations.describe(limited.retryAfter()) + ")"));
            return UNAVAILABLE;
        }
        if (e instanceof UnavailableException unavailable) {
            err.println("The server could not answer: " + unavailable.getMessage());
            return UNAVAILABLE;
        }
        if (e instanceof SightlineException failure) {
            err.println("The server failed: " + failure.getMessage());
            return UNAVAILABLE;
        }
        IOException io = e instanceof IOException direct ? direct : e instanceof UncheckedIOException unchecked ? unchecked.getCause() : null;
        if (io != null) {
            err.println("File problem: " + describe(io));
            return IO_ERROR;
        }
        err.println("Unexpected error in sightline: " + e);
        e.printStackTrace(err);
        return BUG;
    }

    private static String describe(IOException e) {
        if (e instanceof NoSuchFileException missing) {
            return missing.getFile() + ": no such file";
        }
        if (e instanceof AccessDeniedException denied) {
            return denied.getFile() + ": permission denied";
        }
        return e.getMessage() == null ? e.toString() : e.getMessage();
    }

    /** The version from the jar's Maven metadata. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() throws IOException {
            Properties properties = new Properties();
            try (InputStream in = SightlineCli.class.getResourceAsStream("/META-INF/maven/org.sightline/sightline-cli/pom.properties")) {
                if (in != null) {
                    properties.load(in);
                }
            }
            return new String[]{"sightline " + properties.getProperty("version", "(development build)")};
        }
    }
}
