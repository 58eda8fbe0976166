package org.sightline.cli;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.sightline.client.ComparisonMethod;
import org.sightline.client.ObservationQuery;
import org.sightline.client.SightlineClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code sightline export}: the server's CSV file of a question, to a file or the standard output. */
@Command(name = "export",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        usageHelpAutoWidth = true,
        header = "Download the numbers of one indicator as a CSV file.",
        description = {
                "Saves the server's CSV export of the question (the same rows as 'sightline query', with the "
                        + "indicator's name, each area's parent, 99.8%% intervals and a comparison with a benchmark "
                        + "area) to a file, or writes it to the standard output. The file is streamed: a region's "
                        + "thousands of rows never need much memory.",
                "",
                "For a long export a progress line is shown on the error output. A file named with --output is "
                        + "written only when the download is complete."},
        footerHeading = "%nExamples:%n",
        footer = {
                "  Every LSOA of the region, by sex, in 2022, to a file:",
                "    sightline export demo-population --within Z12000001 --level lsoa \\",
                "        --periods 2022 --breakdown sex -o lsoas.csv",
                "",
                "  Districts compared by quintile, to the screen:",
                "    sightline export demo-emergency-admissions --level lad \\",
                "        --comparison QUINTILES"})
final class ExportCommand implements Callable<Integer> {

    @ParentCommand
    SightlineCli cli;

    @Spec
    CommandSpec spec;

    @Mixin
    Selection selection;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write the CSV to this file (default: the standard output).")
    Path output;

    @Option(names = "--benchmark", paramLabel = "AREA", description = "The area to compare with (default: the country of the first area).")
    String benchmark;

    @Option(names = "--comparison", paramLabel = "METHOD",
            description = "How areas are compared with the benchmark: ${COMPLETION-CANDIDATES} (default: CI_OVERLAP_95).")
    ComparisonMethod comparison;

    @Override
    public Integer call() throws IOException {
        ObservationQuery query = selection.query(spec);
        SightlineClient client = cli.client();
        // Progress only for exports that take a while: a second's silence is fine, a minute's is not.
        Progress progress = new Progress(cli.err, !cli.quiet, cli.interactive, "received", 1000);
        if (output != null) {
            long bytes;
            try {
                bytes = client.exportCsv(query, benchmark, comparison, output, (done, total) -> progress.update(done, total, null));
            } finally {
                progress.done(false);
            }
            cli.err.println("Wrote " + Text.bytes(bytes) + " to " + output + ".");
            return SightlineCli.OK;
        }
        LineCounter counted = new LineCounter(cli.out);
        try {
            client.exportCsv(query, benchmark, comparison, counted,
                    (done, total) -> progress.update(done, total, ", " + Text.count(Math.max(0, counted.lines - 1)) + " rows"));
        } finally {
            progress.done(false);
        }
        return SightlineCli.OK;
    }

    /** Counts the lines written through it. */
    private static final class LineCounter extends FilterOutputStream {
        long lines;

        LineCounter(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            for (int i = off; i < off + len; i++) {
                if (b[i] == '\n') {
                    lines++;
                }
            }
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
