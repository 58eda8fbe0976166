package org.sightline.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.sightline.client.FileError;
import org.sightline.client.GeographyImportReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code sightline import-geography}: load areas and how they nest (operators). */
@Command(name = "import-geography",
        mixinStandardHelpOptions = true,
        usageHelpAutoWidth = true,
        header = "Load areas and how they nest into one another (operators).",
        description = {
                "Sends FILE - an ONS lookup CSV as published, a CSV with the columns area_code, area_name, "
                        + "area_type, parent_code and hierarchy, or MSOA names as JSON (a .json file) - to the server, "
                        + "which adds the areas and links it does not know yet. Loading a file again adds nothing.",
                "",
                "Rows that cannot be loaded are listed with their line and reason; the others are loaded."},
        footerHeading = "%nExample:%n",
        footer = "  sightline --api-key demo-admin import-geography WD22_LAD22_UK_LU.csv")
final class ImportGeographyCommand implements Callable<Integer> {

    @ParentCommand
    SightlineCli cli;

    @Parameters(index = "0", paramLabel = "FILE", description = "The geography file.")
    Path file;

    @Override
    public Integer call() throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new NoSuchFileException(file.toString());
        }
        GeographyImportReport report = cli.client().importGeography(file);
        cli.out.println("Format: " + report.format() + "; rows read: " + Text.count(report.rowsRead()) + ".");
        cli.out.println("Areas added: " + Text.count(report.areasAdded()) + "; already known: " + Text.count(report.areasUnchanged()) + ".");
        cli.out.println("Links added: " + Text.count(report.linksAdded()) + "; already known: " + Text.count(report.linksUnchanged()) + ".");
        if (report.ignoredColumns() != null && !report.ignoredColumns().isEmpty()) {
            cli.out.println("Columns ignored: " + String.join(", ", report.ignoredColumns()));
        }
        if (report.rejectedRows() != null && !report.rejectedRows().isEmpty()) {
            cli.out.println("Rows not loaded: " + Text.count(report.rejectedRows().size()));
            for (FileError row : report.rejectedRows()) {
                cli.out.println("  " + row);
            }
        }
        if (report.nameDifferences() != null && !report.nameDifferences().isEmpty()) {
            cli.out.println("Rows naming a known area differently (the known name was kept): " + Text.count(report.nameDifferences().size()));
            for (GeographyImportReport.NameDifference difference : report.nameDifferences()) {
                cli.out.println("  line " + difference.line() + ", " + difference.code() + ": kept '" + difference.keptName()
                        + "', file says '" + difference.nameInFile() + "'");
            }
        }
        return SightlineCli.OK;
    }
}
