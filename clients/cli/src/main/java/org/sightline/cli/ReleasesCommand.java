package org.sightline.cli;

import java.util.List;
import java.util.concurrent.Callable;
import org.sightline.client.Release;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code sightline releases}: the history of an indicator's releases. */
@Command(name = "releases",
        mixinStandardHelpOptions = true,
        usageHelpAutoWidth = true,
        header = "List an indicator's releases, newest first, with where each came from.",
        description = "Shows every release of INDICATOR: its id (for --as-of and --corrects), version, status "
                + "(PUBLISHED, SUPERSEDED or WITHDRAWN), periods, when and by which organisation it was published, "
                + "and the release it corrects.",
        footerHeading = "%nExample:%n",
        footer = "  sightline releases demo-population")
final class ReleasesCommand implements Callable<Integer> {

    @ParentCommand
    SightlineCli cli;

    @Parameters(index = "0", paramLabel = "INDICATOR", description = "The indicator's id.")
    String indicator;

    @Override
    public Integer call() {
        List<Release> releases = cli.client().releases(indicator);
        if (releases.isEmpty()) {
            cli.out.println("No releases of " + indicator + " yet.");
            return SightlineCli.OK;
        }
        Table table = new Table(List.of("Id", "Version", "Status", "Periods", "Published", "Organisation", "File", "Corrects")).alignRight("Id", "Version");
        for (Release release : releases) {
            table.add(List.of(release.id(), String.valueOf(release.version()), String.valueOf(release.status()),
                    String.join(", ", release.periods()), release.publishedAt() == null ? "" : release.publishedAt().toString(),
                    nullToEmpty(release.organisation()), nullToEmpty(release.fileName()), nullToEmpty(release.corrects())));
        }
        table.print(cli.out);
        return SightlineCli.OK;
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }
}
