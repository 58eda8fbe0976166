package org.sightline.bench;

import java.io.PrintWriter;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The benchmark's command line: measures a running Sightline server with the demo data set
 * loaded, scenario by scenario, and prints the report on standard output (progress goes to
 * standard error). Exits 0 when every answer passed its check, 1 when any failed, 2 on bad options.
 */
@Command(name = "sightline-bench", mixinStandardHelpOptions = true, showDefaultValues = true, sortOptions = false,
        version = "Sightline API benchmark 0.1.0", subcommands = org.sightline.bench.scale.LoadScaleData.class,
        description = "Load benchmark of a running Sightline server with the demo data set: real questions sent over HTTP by"
                + " parallel clients (closed loop), every answer checked (HTTP 200, no GraphQL errors, the expected number of rows)."
                + " Prints a Markdown table of throughput and p50/p95/p99/max latency per scenario, with failures and the machine."
                + " Exit status 0 when every answer passed, 1 when any failed.")
public final class ApiBenchmark implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--url", defaultValue = "http://localhost:8080", description = "The server's base URL.")
    URI url;

    @Option(names = "--api-key", description = "Sent as X-API-Key (e.g. demo-partner); without it the caller is PUBLIC.")
    String apiKey;

    @Option(names = "--warmup", defaultValue = "50", description = "Unmeasured requests per scenario before measuring.")
    int warmup;

    @Option(names = "--requests", defaultValue = "500", description = "Measured requests per scenario.")
    int requests;

    @Option(names = "--concurrency", defaultValue = "4", description = "Parallel clients, each waiting for its answer before sending again.")
    int concurrency;

    @Option(names = "--scenario", completionCandidates = ScenarioNames.class,
            description = "A scenario to run (repeatable; default all): ${COMPLETION-CANDIDATES}.")
    List<String> scenarios;

    @Option(names = "--data-set", defaultValue = "demo", description = "demo (the demo data set) or england (the scale data set of"
            + " load-scale-data, whose expected answers are worked out from --data).")
    String dataSet;

    @Option(names = "--data", defaultValue = "../shared/data", description = "With --data-set england: the folder holding ons/.")
    java.nio.file.Path data;

    @Option(names = "--timeout", defaultValue = "60", description = "Seconds to wait for one answer before counting it failed.")
    int timeoutSeconds;

    public static void main(String[] args) {
        System.exit(new CommandLine(new ApiBenchmark()).execute(args));
    }

    @Override
    public Integer call() throws InterruptedException {
        validate();
        List<Scenario> selected = select();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter progress = spec.commandLine().getErr();
        String caller = apiKey == null ? "PUBLIC (no API key)" : "the holder of the X-API-Key given";
        out.println(Report.header(url.toString(), caller, Machine.current(), warmup, Instant.now()));
        out.println();
        Report report = new Report(selected.stream().map(Scenario::name).toList());
        out.println(report.tableHeader());
        out.flush();

        LoadRunner runner = new LoadRunner(url, Optional.ofNullable(apiKey), Duration.ofSeconds(timeoutSeconds), concurrency);
        List<ScenarioResult> results = new ArrayList<>();
        for (Scenario scenario : selected) {
            progress.printf("%s: %s (%d warm-up, %d measured requests)%n", scenario.name(), scenario.question(), warmup, requests);
            progress.flush();
            ScenarioResult result = runner.run(scenario, warmup, requests);
            results.add(result);
            out.println(report.row(result));
            out.flush();
        }
        out.println();
        out.println(Report.footer(results, Machine.loadAverageNow()));
        out.flush();
        return results.stream().anyMatch(result -> result.failures() > 0) ? 1 : 0;
    }

    private void validate() {
        if (!"http".equals(url.getScheme()) && !"https".equals(url.getScheme()) || url.getHost() == null) {
            throw new ParameterException(spec.commandLine(), "--url must be an http or https URL such as http://localhost:8080, got " + url);
        }
        if (requests < 1) {
            throw new ParameterException(spec.commandLine(), "--requests must be at least 1, got " + requests);
        }
        if (warmup < 0) {
            throw new ParameterException(spec.commandLine(), "--warmup must be 0 or more, got " + warmup);
        }
        if (concurrency < 1) {
            throw new ParameterException(spec.commandLine(), "--concurrency must be at least 1, got " + concurrency);
        }
        if (timeoutSeconds < 1) {
            throw new ParameterException(spec.commandLine(), "--timeout must be at least 1 second, got " + timeoutSeconds);
        }
    }

    private List<Scenario> select() {
        Map<String, Scenario> byName = new LinkedHashMap<>();
        List<Scenario> all;
        try {
            all = switch (dataSet) {
                case "demo" -> DemoScenarios.all();
                case "england" -> org.sightline.bench.scale.ScaleScenarios.all(data);
                default -> throw new ParameterException(spec.commandLine(), "--data-set must be demo or england, got " + dataSet);
            };
        } catch (java.io.IOException e) {
            throw new ParameterException(spec.commandLine(), "cannot read the ONS lookups under " + data + ": " + e.getMessage());
        }
        all.forEach(scenario -> byName.put(scenario.name(), scenario));
        if (scenarios == null || scenarios.isEmpty()) {
            return List.copyOf(byName.values());
        }
        List<Scenario> selected = new ArrayList<>();
        for (String name : scenarios) {
            Scenario scenario = byName.get(name);
            if (scenario == null) {
                throw new ParameterException(spec.commandLine(), "unknown scenario '" + name + "'; the scenarios are " + byName.keySet());
            }
            if (!selected.contains(scenario)) {
                selected.add(scenario);
            }
        }
        return selected;
    }

    /** The scenario names, for the help text. */
    static final class ScenarioNames implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return DemoScenarios.all().stream().map(Scenario::name).iterator();
        }
    }
}
