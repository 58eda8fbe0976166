package org.sightline.cli;

import java.util.ArrayList;
import java.util.List;
import org.sightline.client.ObservationQuery;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The question of {@code query} and {@code export}: an indicator, its areas, periods, breakdown and filters. */
final class Selection {

    @Parameters(index = "0", paramLabel = "INDICATOR",
            description = "The indicator's id, e.g. demo-population ('sightline catalogue' lists them).")
    String indicator;

    @Option(names = "--within", paramLabel = "AREA",
            description = "Only areas inside this area (its code, e.g. Z08000001); use with --level.")
    String within;

    @Option(names = "--level", paramLabel = "TYPE",
            description = "The type of area to answer for: country, region, lad (district), ward, msoa, lsoa, ...")
    String level;

    @Option(names = "--areas", split = ",", paramLabel = "CODE",
            description = "These areas, by code, separated by commas (instead of --level); a custom geography's id works too.")
    List<String> areas = new ArrayList<>();

    @Option(names = "--periods", split = ",", paramLabel = "PERIOD",
            description = "These periods, separated by commas, e.g. 2022,2023 or 2023/24 (default: the latest).")
    List<String> periods = new ArrayList<>();

    @Option(names = "--from", paramLabel = "PERIOD", description = "Every period from this one (with or without --to).")
    String from;

    @Option(names = "--to", paramLabel = "PERIOD", description = "Every period up to this one.")
    String to;

    @Option(names = "--breakdown", split = ",", paramLabel = "TYPE",
            description = "Break the numbers down by these characteristics, e.g. sex,age_band (every other one is totalled).")
    List<String> breakdown = new ArrayList<>();

    @Option(names = "--filter", paramLabel = "TYPE=VALUES",
            description = "Only these values of a characteristic, e.g. sex=F or age_band=65-74,75+ (repeatable).")
    List<String> filters = new ArrayList<>();

    @Option(names = "--as-of", paramLabel = "RELEASE",
            description = "The data as it stood when this release was published ('sightline releases' lists them).")
    String asOf;

    ObservationQuery query(CommandSpec spec) {
        if (within != null && level == null) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--within needs --level: the type of the areas inside it, e.g. --within " + within + " --level ward");
        }
        if (areas.isEmpty() && level == null) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "Say which areas: --level TYPE (optionally --within AREA), or --areas CODE,CODE,...");
        }
        if (!periods.isEmpty() && (from != null || to != null)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "Give --periods or --from/--to, not both");
        }
        ObservationQuery query = ObservationQuery.of(indicator);
        if (!areas.isEmpty()) {
            query = query.areas(areas);
        }
        if (level != null) {
            query = within == null ? query.level(level) : query.within(within, level);
        }
        if (!periods.isEmpty()) {
            query = query.periods(periods);
        }
        if (from != null || to != null) {
            query = query.periodsBetween(from, to);
        }
        if (!breakdown.isEmpty()) {
            query = query.breakdown(breakdown);
        }
        for (String filter : filters) {
            int equals = filter.indexOf('=');
            if (equals < 1 || equals == filter.length() - 1) {
                throw new CommandLine.ParameterException(spec.commandLine(),
                        "--filter '" + filter + "' must look like TYPE=VALUE or TYPE=VALUE,VALUE, e.g. sex=F");
            }
            query = query.filter(filter.substring(0, equals).strip(), List.of(filter.substring(equals + 1).split(",")));
        }
        if (asOf != null) {
            query = query.asOf(asOf);
        }
        return query;
    }
}
