package org.sightline.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.sightline.client.ReleaseOptions;
import org.sightline.client.ReleaseReceipt;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code sightline upload-release}: publish a tidy CSV file as a new release of an indicator. */
@Command(name = "upload-release",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        usageHelpAutoWidth = true,
        header = "Publish a CSV file as a new release of an indicator (stewards and operators).",
        description = {
                "Sends FILE, a tidy CSV file with a header line - area_code, period, one column per characteristic "
                        + "(e.g. sex), then count (and denominator, or value) - as a new release of the indicator. "
                        + "The file is streamed from disk with a progress bar on the error output.",
                "",
                "The server checks every line before it stores anything: if any line is wrong nothing is "
                        + "published, each problem is printed with its line and column, and the exit code is 1. "
                        + "Sending the same file again changes nothing.",
                "",
                "You need the API key of a steward of the organisation that owns the indicator (or an operator's)."},
        footerHeading = "%nExamples:%n",
        footer = {
                "  sightline --api-key demo-steward upload-release contacts-2024.csv \\",
                "      --indicator demo-service-contacts",
                "",
                "  A correction of release 12, shared under a data sharing agreement:",
                "    sightline upload-release contacts-fixed.csv \\",
                "        --indicator demo-service-contacts --corrects 12 \\",
                "        --reason \"duplicate referrals removed\" --agreement demo-wessex-jsna"})
final class UploadReleaseCommand implements Callable<Integer> {

    enum Format { text, json }

    @ParentCommand
    SightlineCli cli;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "The CSV file to publish.")
    Path file;

    @Option(names = {"-i", "--indicator"}, required = true, paramLabel = "ID", description = "The indicator's id.")
    String indicator;

    @Option(names = "--agreement", paramLabel = "CODE",
            description = "The data sharing agreement the data is shared under (it must cover the indicator and be in force).")
    String agreement;

    @Option(names = "--corrects", paramLabel = "RELEASE", description = "The id of the release this file corrects (with --reason).")
    String corrects;

    @Option(names = "--reason", paramLabel = "TEXT", description = "Why the corrected release was wrong (with --corrects).")
    String reason;

    @Option(names = "--method", paramLabel = "TEXT", description = "How the numbers were made, in words (default: tidy CSV upload).")
    String method;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text", description = "text (default) or json.")
    Format format;

    @Override
    public Integer call() throws IOException {
        if ((corrects == null) != (reason == null)) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--corrects and --reason go together: name the release you correct and say why");
        }
        if (!Files.isRegularFile(file)) {
            throw new NoSuchFileException(file.toString());
        }
        ReleaseOptions options = ReleaseOptions.none().method(method);
        if (agreement != null) {
            options = options.agreement(agreement);
        }
        if (corrects != null) {
            options = options.corrects(corrects, reason);
        }
        Progress progress = new Progress(cli.err, !cli.quiet, cli.interactive, "sent", 0);
        ReleaseReceipt receipt;
        try {
            receipt = cli.client().uploadRelease(indicator, file, options, (sent, total) -> progress.update(sent, total, null));
        } finally {
            progress.done(true);
        }
        if (format == Format.json) {
            cli.out.println(Text.JSON.writeValueAsString(receipt));
            return SightlineCli.OK;
        }
        if (receipt.created()) {
            cli.out.println("Published release " + receipt.releaseId() + " of " + receipt.indicator() + " (version " + receipt.version() + ").");
        } else {
            cli.out.println("This file was released before, as release " + receipt.releaseId() + " of " + receipt.indicator()
                    + " (version " + receipt.version() + "); nothing changed.");
        }
        cli.out.println("  release id: " + receipt.releaseId());
        cli.out.println("  status:     " + receipt.status());
        cli.out.println("  periods:    " + String.join(", ", receipt.periods()));
        cli.out.println("  area type:  " + receipt.areaType());
        cli.out.println("  rows:       " + Text.count(receipt.rows()));
        cli.out.println("  SHA-256:    " + receipt.fileSha256());
        cli.out.println("  published:  " + receipt.publishedAt());
        return SightlineCli.OK;
    }
}
