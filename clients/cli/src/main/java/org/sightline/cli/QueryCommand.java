package org.sightline.cli;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.sightline.client.CharacteristicValue;
import org.sightline.client.DisclosureStatus;
import org.sightline.client.Observation;
import org.sightline.client.ObservationQuery;
import tools.jackson.core.JsonGenerator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code sightline query}: the numbers of one indicator for some areas, as a table, CSV or JSON. */
@Command(name = "query",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        usageHelpAutoWidth = true,
        header = "Show the numbers of one indicator for some areas and periods.",
        description = {
                "Asks the server for the values of INDICATOR in the areas you choose and prints them as a table "
                        + "(or as CSV or JSON with --format). Each row is one area, period and combination of the "
                        + "characteristics you break down by, with its 95%% confidence interval.",
                "",
                "Values the privacy rules withhold are shown as '-'; the Disclosure column says what was done "
                        + "(EXACT, ROUNDED, NOISED or SUPPRESSED) and the reasons are listed under the table."},
        footerHeading = "%nExamples:%n",
        footer = {
                "  Every ward of Casterbridge, by sex, in the latest year:",
                "    sightline query demo-population --within Z08000001 --level ward \\",
                "        --breakdown sex",
                "",
                "  Two districts over three years, women aged 75 and over, as CSV:",
                "    sightline query demo-population --areas Z08000001,Z08000002 \\",
                "        --from 2021 --to 2023 --breakdown sex --filter sex=F \\",
                "        --filter age_band=75+ --format csv"})
final class QueryCommand implements Callable<Integer> {

    enum Format { table, csv, json }

    @ParentCommand
    SightlineCli cli;

    @Spec
    CommandSpec spec;

    @Mixin
    Selection selection;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
            description = "table (default), csv or json.")
    Format format;

    @Option(names = "--page-size", paramLabel = "N", defaultValue = "1000", hidden = true,
            description = "Observations fetched per request (1 to 10000).")
    int pageSize;

    @Override
    public Integer call() {
        ObservationQuery query = selection.query(spec);
        try (Stream<Observation> rows = cli.client().observations(query, pageSize)) {
            switch (format) {
                case csv -> csv(query, rows.iterator());
                case json -> json(rows.iterator());
                default -> table(query, rows.iterator());
            }
        }
        cli.out.flush();
        return SightlineCli.OK;
    }

    private List<String> headers(ObservationQuery query) {
        List<String> headers = new ArrayList<>(List.of("area_code", "area_name", "period"));
        headers.addAll(query.breakdown());
        headers.addAll(List.of("value", "lower_ci", "upper_ci", "count", "denominator", "disclosure_status", "disclosure_reason"));
        return headers;
    }

    private void csv(ObservationQuery query, Iterator<Observation> rows) {
        cli.out.println(Text.csvLine(headers(query)));
        while (rows.hasNext()) {
            Observation o = rows.next();
            List<String> cells = new ArrayList<>(List.of(o.area().code(), o.area().name(), o.period().code()));
            cells.addAll(labels(query, o));
            cells.addAll(List.of(Text.plain(o.value()), Text.plain(o.lowerCI()), Text.plain(o.upperCI()), Text.plain(o.count()),
                    Text.plain(o.denominator()), String.valueOf(o.disclosure().status()),
                    o.disclosure().reason() == null ? "" : o.disclosure().reason()));
            cli.out.println(Text.csvLine(cells));
        }
    }

    private void json(Iterator<Observation> rows) {
        var json = Text.JSON;
        try (JsonGenerator generator = json.createGenerator(cli.out)) {
            generator.writeStartArray();
            while (rows.hasNext()) {
                json.writeValue(generator, rows.next());
            }
            generator.writeEndArray();
        }
        cli.out.println();
    }

    private void table(ObservationQuery query, Iterator<Observation> rows) {
        List<String> headers = new ArrayList<>(List.of("Area", "Name", "Period"));
        query.breakdown().forEach(type -> headers.add(type));
        headers.addAll(List.of("Value", "95% CI", "Count", "Denominator", "Disclosure"));
        Table table = new Table(headers).alignRight("Value", "95% CI", "Count", "Denominator");
        Map<String, Integer> reasons = new LinkedHashMap<>();
        int n = 0;
        while (rows.hasNext()) {
            Observation o = rows.next();
            n++;
            List<String> cells = new ArrayList<>(List.of(o.area().code(), o.area().name(), o.period().code()));
            cells.addAll(labels(query, o));
            String interval = o.lowerCI() == null || o.upperCI() == null ? "" : Text.number(o.lowerCI()) + " to " + Text.number(o.upperCI());
            cells.addAll(List.of(Text.number(o.value()), interval, Text.numberOrBlank(o.count()), Text.numberOrBlank(o.denominator()),
                    String.valueOf(o.disclosure().status())));
            table.add(cells);
            if (o.disclosure().status() != DisclosureStatus.EXACT && o.disclosure().reason() != null) {
                reasons.merge(o.disclosure().reason(), 1, Integer::sum);
            }
        }
        if (table.isEmpty()) {
            cli.out.println("No observations.");
            return;
        }
        table.print(cli.out);
        cli.out.println();
        cli.out.println(Text.count(n) + (n == 1 ? " row." : " rows."));
        reasons.forEach((reason, count) -> cli.out.println(Text.count(count) + (count == 1 ? " value: " : " values: ") + reason));
    }

    private static List<String> labels(ObservationQuery query, Observation o) {
        List<String> labels = new ArrayList<>();
        for (String type : query.breakdown()) {
            labels.add(o.characteristics().stream().filter(c -> c.type().equals(type)).map(CharacteristicValue::label)
                    .findFirst().orElse(""));
        }
        return labels;
    }
}
