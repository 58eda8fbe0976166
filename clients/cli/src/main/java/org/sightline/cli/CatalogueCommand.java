package org.sightline.cli;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.sightline.client.CharacteristicType;
import org.sightline.client.Indicator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code sightline catalogue}: which indicators exist, who holds them, for which areas, periods and breakdowns. */
@Command(name = "catalogue",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        usageHelpAutoWidth = true,
        header = "Find indicators: what exists, who holds it, for which periods and breakdowns.",
        description = "Lists the indicators whose title, definition, id or topics contain SEARCH (every indicator "
                + "without it), optionally only those available for a type of area or broken down by a characteristic.",
        footerHeading = "%nExamples:%n",
        footer = {
                "  sightline catalogue",
                "  sightline catalogue admissions --area-type ward",
                "  sightline catalogue --characteristic sex --format json"})
final class CatalogueCommand implements Callable<Integer> {

    enum Format { table, json }

    @ParentCommand
    SightlineCli cli;

    @Parameters(index = "0", arity = "0..1", paramLabel = "SEARCH", description = "Words to look for (optional).")
    String search;

    @Option(names = "--area-type", paramLabel = "TYPE", description = "Only indicators available for this type of area, e.g. ward.")
    String areaType;

    @Option(names = "--characteristic", paramLabel = "TYPE", description = "Only indicators broken down by this characteristic, e.g. sex.")
    String characteristic;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table", description = "table (default) or json.")
    Format format;

    @Override
    public Integer call() {
        List<Indicator> indicators = cli.client().catalogue(search, areaType, characteristic).toList();
        if (format == Format.json) {
            cli.out.println(Text.JSON.writeValueAsString(indicators));
            return SightlineCli.OK;
        }
        if (indicators.isEmpty()) {
            cli.out.println("No indicators found.");
            return SightlineCli.OK;
        }
        Table table = new Table(List.of("Id", "Title", "Sensitivity", "Periods", "Breakdowns", "Owner"));
        for (Indicator indicator : indicators) {
            String periods = indicator.periods().isEmpty() ? "none yet" : indicator.periods().get(0).code()
                    + (indicator.periods().size() == 1 ? "" : " to " + indicator.periods().get(indicator.periods().size() - 1).code());
            table.add(List.of(indicator.id(), Text.shorten(indicator.title(), 50), String.valueOf(indicator.disclosureClass()), periods,
                    indicator.characteristicTypes().stream().map(CharacteristicType::code).collect(Collectors.joining(", ")),
                    indicator.owner() == null ? "" : indicator.owner().name()));
        }
        table.print(cli.out);
        cli.out.println();
        cli.out.println(Text.count(indicators.size()) + (indicators.size() == 1 ? " indicator." : " indicators."));
        return SightlineCli.OK;
    }
}
