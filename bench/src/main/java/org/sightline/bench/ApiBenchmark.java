package org.sightline.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
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
import org.HdrHistogram.Histogram;
import org.sightline.bench.raw.Psql;
import org.sightline.bench.raw.RawSqlBaseline;
import org.sightline.bench.raw.RawSqlResult;
import org.sightline.bench.scale.UploadScenario;
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
 *
 * <p>The England questions of issue 10 (Q1-Q5, and Q6 the upload of a 2-million-row release) at
 * concurrency 1 and 16, each compared with its best hand-written SQL run by pgbench on the server's
 * own database (psql and pgbench on the PATH; the port of an embedded database is line 4 of
 * {@code $SIGHTLINE_HOME/postgres/postmaster.pid}):
 * <pre>
 * java -jar bench/target/sightline-bench.jar --url http://localhost:8080 --api-key ADMIN-KEY \
 *     --data-set england --data ../shared/data --concurrency 1,16 --warmup 20 --requests 200 \
 *     --raw-sql postgresql://postgres@localhost:PORT/postgres
 * </pre>
 */
@Command(name = "sightline-bench", mixinStandardHelpOptions = true, showDefaultValues = true, sortOptions = false,
        version = "Sightline API benchmark 0.1.0", subcommands = org.sightline.bench.scale.LoadScaleData.class,
        description = {"Load benchmark of a running Sightline server with the demo data set: real questions sent over HTTP by"
                + " parallel clients (closed loop), every answer checked (HTTP 200, no GraphQL errors, the expected number of rows)."
                + " Prints a Markdown table of throughput and p50/p95/p99/max latency per scenario and concurrency, with failures,"
                + " the machine, the command and the date. Exit status 0 when every answer passed, 1 when any failed.",
                "",
                "England scale (after load-scale-data), Q1-Q6 at concurrency 1 and 16 against the best raw SQL through pgbench:",
                "  java -jar bench/target/sightline-bench.jar --url http://localhost:8080 --api-key ADMIN-KEY --data-set england"
                        + " --data ../shared/data --concurrency 1,16 --raw-sql postgresql://postgres@localhost:PORT/postgres",
                "Q6 (q6-upload-2m-rows) uploads 1,970,640 rows to a fresh indicator and needs an ADMIN key; without one it is skipped.",
                ""})
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

    @Option(names = "--concurrency", defaultValue = "4", split = ",",
            description = "Parallel clients, each waiting for its answer before sending again; several (e.g. 1,16) measure each scenario at each.")
    List<Integer> concurrency;

    @Option(names = "--scenario", completionCandidates = ScenarioNames.class,
            description = "A scenario to run (repeatable; default all): ${COMPLETION-CANDIDATES}; with --data-set england:"
                    + " q1-trafford-wards, q1-trafford-wards-get-revalidated, q2-trafford-wards-by-need-and-sex, q3-north-west-compare, q4-rank-english-wards,"
                    + " q5-north-west-lsoas-csv, q6-upload-2m-rows.")
    List<String> scenarios;

    @Option(names = "--data-set", defaultValue = "demo", description = "demo (the demo data set) or england (the scale data set of"
            + " load-scale-data, whose expected answers are worked out from --data).")
    String dataSet;

    @Option(names = "--data", defaultValue = "../shared/data", description = "With --data-set england: the folder holding ons/.")
    java.nio.file.Path data;

    @Option(names = "--timeout", defaultValue = "60", description = "Seconds to wait for one answer before counting it failed.")
    int timeoutSeconds;

    @Option(names = "--raw-sql", paramLabel = "URI", description = "A libpq connection URI of the server's database, e.g."
            + " postgresql://postgres@localhost:PORT/postgres: after each England scenario, the same answer by hand-written SQL is"
            + " checked with psql and measured with pgbench (both on the PATH) at the same concurrency and requests, and the report"
            + " adds its req/s, p99 and the ratio. Q6 is compared with a \\copy of the same rows in a rolled-back transaction.")
    String rawSql;

    @Option(names = "--seed", defaultValue = "1", description = "With --data-set england: the seed of Q6's generated counts.")
    long seed;

    @Option(names = "--upload-lsoas", defaultValue = "0", description = "Q6 uploads rows for the first N English LSOAs only, for"
            + " trial runs (0: all 32,844, i.e. 1,970,640 rows).")
    int uploadLsoas;

    public static void main(String[] args) {
        System.exit(new CommandLine(new ApiBenchmark()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        validate();
        List<Scenario> selected = select();
        boolean upload = "england".equals(dataSet) && (scenarios == null || scenarios.isEmpty() || scenarios.contains(UploadScenario.NAME));
        PrintWriter out = spec.commandLine().getOut();
        Optional<Psql> psql = Optional.ofNullable(rawSql).map(uri -> new Psql(uri, Duration.ofHours(2)));
        Path work = Files.createTempDirectory("sightline-bench-");
        try {
            Optional<RawSqlBaseline> baseline = psql.map(database -> new RawSqlBaseline(database, Duration.ofHours(2), work));
            if (baseline.isPresent()) {
                try {
                    baseline.get().checkReachable();
                } catch (IOException e) {
                    throw new ParameterException(spec.commandLine(), "--raw-sql: " + e.getMessage());
                }
            }
            String caller = apiKey == null ? "PUBLIC (no API key)" : "the holder of the X-API-Key given";
            out.println(Report.header(url.toString(), caller, Machine.current(), warmup, Instant.now()));
            out.println(Report.command("java -jar sightline-bench.jar", spec.commandLine().getParseResult().originalArgs()));
            if (baseline.isPresent()) {
                out.println(Report.rawSqlNote());
            }
            out.println();
            List<String> names = new ArrayList<>(selected.stream().map(Scenario::name).toList());
            if (upload) {
                names.add(UploadScenario.NAME);
            }
            Report report = new Report(names, baseline.isPresent());
            out.println(report.tableHeader());
            out.flush();

            List<Comparison> results = new ArrayList<>();
            for (Scenario scenario : selected) {
                for (int clients : concurrency) {
                    Comparison comparison = measure(scenario, clients, baseline);
                    results.add(comparison);
                    out.println(report.row(comparison));
                    out.flush();
                }
            }
            boolean uploadFailed = false;
            Optional<String> uploadSummary = Optional.empty();
            if (upload && apiKey == null) {
                uploadSummary = Optional.of(UploadScenario.NAME + " skipped: uploading a release needs an ADMIN key (--api-key)");
            } else if (upload) {
                try {
                    UploadScenario.Outcome outcome = upload(psql, work);
                    Comparison comparison = uploadComparison(outcome);
                    results.add(comparison);
                    out.println(report.row(comparison));
                    uploadSummary = Optional.of(outcome.summary());
                } catch (IOException e) {
                    uploadFailed = true;
                    uploadSummary = Optional.of(UploadScenario.NAME + " FAILED before its upload was measured: " + e.getMessage());
                }
            }
            out.println();
            uploadSummary.ifPresent(out::println);
            out.println(Report.footer(results, Machine.loadAverageNow()));
            out.flush();
            return uploadFailed || results.stream().anyMatch(result -> result.failures() > 0) ? 1 : 0;
        } finally {
            deleteDirectory(work);
        }
    }

    /** One scenario at one concurrency over HTTP, then (with a baseline and raw SQL for it) the same answer by pgbench. */
    private Comparison measure(Scenario scenario, int clients, Optional<RawSqlBaseline> baseline) throws IOException, InterruptedException {
        PrintWriter progress = spec.commandLine().getErr();
        progress.printf("%s: %s (concurrency %d, %d warm-up, %d measured requests)%n", scenario.name(), scenario.question(), clients,
                warmup, requests);
        progress.flush();
        LoadRunner runner = new LoadRunner(url, Optional.ofNullable(apiKey), Duration.ofSeconds(timeoutSeconds), clients);
        ScenarioResult result = runner.run(scenario, warmup, requests);
        if (baseline.isEmpty() || scenario.rawSql().isEmpty()) {
            return new Comparison(result, Optional.empty());
        }
        progress.printf("%s: the raw SQL through pgbench (concurrency %d)%n", scenario.name(), clients);
        progress.flush();
        return new Comparison(result, Optional.of(baseline.get().measure(scenario.rawSql().get(), clients, warmup, requests)));
    }

    /** Q6: one upload (concurrency 1 whatever --concurrency says) and, with psql, the raw copy of the same rows. */
    private UploadScenario.Outcome upload(Optional<Psql> psql, Path work) throws IOException, InterruptedException {
        List<String> lsoas = UploadScenario.lsoas(data, uploadLsoas);
        PrintWriter progress = spec.commandLine().getErr();
        progress.printf("%s: %s%n", UploadScenario.NAME, UploadScenario.question(lsoas.size() * 60));
        progress.flush();
        return new UploadScenario(url, apiKey, lsoas, seed, Duration.ofHours(1)).run(psql, work);
    }

    private static void deleteDirectory(Path directory) throws IOException {
        try (var files = Files.list(directory)) {
            for (Path file : files.toList()) {
                Files.deleteIfExists(file);
            }
        }
        Files.deleteIfExists(directory);
    }

    /** Q6 as a row of the table: one request (the upload) at concurrency 1, and the raw copy as one statement. */
    private static Comparison uploadComparison(UploadScenario.Outcome outcome) {
        Histogram upload = new Histogram(3);
        upload.recordValue(outcome.httpNanos());
        ScenarioResult sightline = new ScenarioResult(UploadScenario.NAME, 1, 1, outcome.httpNanos(), upload,
                outcome.failure().isPresent() ? 1 : 0, outcome.receiptBytes(), outcome.failure());
        Optional<RawSqlResult> raw = Optional.empty();
        if (outcome.rawNanos().isPresent()) {
            Histogram copy = new Histogram(3);
            copy.recordValue(outcome.rawNanos().getAsLong());
            raw = Optional.of(new RawSqlResult(1, 1, 1e9 / outcome.rawNanos().getAsLong(), copy, 0, Optional.empty()));
        } else if (outcome.rawFailure().isPresent()) {
            raw = Optional.of(new RawSqlResult(1, 1, Double.NaN, new Histogram(3), 1, outcome.rawFailure()));
        }
        return new Comparison(sightline, raw);
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
        if (concurrency.isEmpty() || concurrency.stream().anyMatch(clients -> clients == null || clients < 1)) {
            throw new ParameterException(spec.commandLine(), "--concurrency must be at least 1, got " + concurrency);
        }
        if (uploadLsoas < 0) {
            throw new ParameterException(spec.commandLine(), "--upload-lsoas must be 0 (all) or more, got " + uploadLsoas);
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
            if (name.equals(UploadScenario.NAME) && dataSet.equals("england")) {
                continue; // not a question sent again and again: call() runs it after the others
            }
            Scenario scenario = byName.get(name);
            if (scenario == null) {
                List<String> known = new ArrayList<>(byName.keySet());
                if (dataSet.equals("england")) {
                    known.add(UploadScenario.NAME);
                }
                throw new ParameterException(spec.commandLine(), "unknown scenario '" + name + "'; the scenarios are " + known);
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
