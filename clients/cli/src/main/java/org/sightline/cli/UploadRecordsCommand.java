package org.sightline.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.sightline.client.FileError;
import org.sightline.client.IntakeReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code sightline upload-records}: send a record-level file to a record intake, which counts it and publishes the counts. */
@Command(name = "upload-records",
        mixinStandardHelpOptions = true,
        usageHelpAutoWidth = true,
        header = "Send a file of records (one row per contact) to a record intake.",
        description = {
                "Sends FILE to the record intake INTAKE, which counts the records into areas, periods and "
                        + "characteristics as they arrive - no record is ever stored - and publishes the counts as "
                        + "releases of the intake's indicators.",
                "",
                "Prints how many records were counted and, for each one that was not, its line, field and reason "
                        + "(postcodes and other values are never printed). Records that could not be counted do not "
                        + "stop the others; a file that cannot be counted at all is refused (exit code 1)."},
        footerHeading = "%nExample:%n",
        footer = {"  sightline --api-key demo-steward upload-records wessex-asc \\", "      contacts-2024-q1.csv"})
final class UploadRecordsCommand implements Callable<Integer> {

    @ParentCommand
    SightlineCli cli;

    @Parameters(index = "0", paramLabel = "INTAKE", description = "The record intake's id.")
    String intake;

    @Parameters(index = "1", paramLabel = "FILE", description = "The CSV file of records.")
    Path file;

    @Override
    public Integer call() throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new NoSuchFileException(file.toString());
        }
        Progress progress = new Progress(cli.err, !cli.quiet, cli.interactive, "sent", 0);
        IntakeReport report;
        try {
            report = cli.client().uploadRecords(intake, file, (sent, total) -> progress.update(sent, total, null));
        } finally {
            progress.done(true);
        }
        if (!report.created()) {
            cli.out.println("This file was sent before; nothing changed.");
        }
        cli.out.println("Records read: " + Text.count(report.rowsRead()) + "; accepted: " + Text.count(report.rowsAccepted())
                + "; rejected: " + Text.count(report.rowsRejected()) + ".");
        for (FileError rejection : report.rejections()) {
            cli.out.println("  " + rejection);
        }
        if (report.rejections().size() < report.rowsRejected()) {
            cli.out.println("  (the first " + Text.count(report.rejections().size()) + " rejections are listed)");
        }
        if (report.postcodesUnmatched() != null && report.postcodesUnmatched().count() > 0) {
            cli.out.println("Postcodes not in the postcode directory: " + Text.count(report.postcodesUnmatched().count())
                    + " (lines " + lines(report.postcodesUnmatched().lines()) + ")");
        }
        if (report.postcodesTerminated() != null && report.postcodesTerminated().count() > 0) {
            cli.out.println("Terminated postcodes (counted): " + Text.count(report.postcodesTerminated().count()));
        }
        if (report.ignoredColumns() != null && !report.ignoredColumns().isEmpty()) {
            cli.out.println("Columns ignored: " + String.join(", ", report.ignoredColumns()));
        }
        if (report.releases() != null && !report.releases().isEmpty()) {
            cli.out.println("Releases:");
            for (IntakeReport.PublishedRelease release : report.releases()) {
                cli.out.println("  " + release.indicator() + ": release " + release.releaseId() + ", version " + release.version()
                        + ", periods " + String.join(", ", release.periods()) + (release.created() ? "" : " (unchanged)"));
            }
        }
        return SightlineCli.OK;
    }

    private static String lines(List<Long> lines) {
        String listed = lines.stream().limit(20).map(String::valueOf).collect(Collectors.joining(", "));
        return lines.size() > 20 ? listed + ", ..." : listed;
    }
}
