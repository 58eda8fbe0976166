package org.sightline.bench;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.sightline.bench.raw.RawSqlResult;

/**
 * The benchmark's output: a header naming the server, the caller and the machine, then a Markdown
 * table with one row per scenario (printed as each scenario finishes), then why any failures
 * failed. Markdown, so the figures can be pasted into the README as measured. With a raw-SQL
 * baseline the table gains its throughput and p99 and the ratio of Sightline's throughput to it.
 */
final class Report {

    private static final String[] COLUMNS = {
        "requests", "concurrency", "req/s", "p50 ms", "p95 ms", "p99 ms", "max ms", "failures", "KiB/answer"};

    private static final String[] RAW_COLUMNS = {"raw req/s", "raw p99 ms", "raw failures", "vs raw"};

    private final int nameWidth;
    private final String[] columns;

    /** A report whose scenario column fits these names, without a raw-SQL baseline. */
    Report(List<String> scenarioNames) {
        this(scenarioNames, false);
    }

    /** A report whose scenario column fits these names, with the raw-SQL columns when {@code withRawSql}. */
    Report(List<String> scenarioNames, boolean withRawSql) {
        this.nameWidth = Math.max("scenario".length(), scenarioNames.stream().mapToInt(String::length).max().orElse(0));
        List<String> all = new ArrayList<>(List.of(COLUMNS));
        if (withRawSql) {
            all.addAll(List.of(RAW_COLUMNS));
        }
        this.columns = all.toArray(String[]::new);
    }

    /** The command line as given, the API key elided, so a figure can be reproduced. */
    static String command(String program, List<String> arguments) {
        List<String> shown = new ArrayList<>();
        boolean key = false;
        for (String argument : arguments) {
            if (key) {
                shown.add("<key>");
            } else if (argument.startsWith("--api-key=")) {
                shown.add("--api-key=<key>");
            } else {
                shown.add(argument.isEmpty() || argument.matches(".*[\\s'\"$&|;<>*?].*") ? "'" + argument.replace("'", "'\\''") + "'" : argument);
            }
            key = argument.equals("--api-key");
        }
        return "Command: `" + program + (shown.isEmpty() ? "" : " " + String.join(" ", shown)) + "`";
    }

    /** What the raw-SQL columns mean. */
    static String rawSqlNote() {
        return "raw: the same answer computed by hand-written SQL straight on the server's database with pgbench"
                + " (-M prepared, the same clients and requests, after the same warm-up), its row count checked once with psql;"
                + " vs raw = Sightline req/s / raw req/s. The raw SQL computes its answer every time; Sightline may answer a repeated"
                + " question from its answer cache (sightline.answers.cache-rows) and adds disclosure control, confidence intervals"
                + " and JSON or CSV";
    }

    static String header(String url, String caller, Machine machine, int warmup, Instant at) {
        String memory = machine.totalMemoryBytes().isPresent()
                ? String.format(Locale.ROOT, "%.1f GiB total memory", machine.totalMemoryBytes().getAsLong() / (1024.0 * 1024 * 1024))
                : "total memory unknown";
        return String.format(Locale.ROOT,
                "Sightline API benchmark of %s as %s, %s: Java %s on %s, %d available processors, %s, load average %s;"
                        + " %d warm-up requests per scenario, then closed-loop clients",
                url, caller, at.truncatedTo(ChronoUnit.SECONDS), machine.java(), machine.os(), machine.processors(), memory,
                load(machine.loadAverage()), warmup);
    }

    String tableHeader() {
        StringBuilder line = new StringBuilder("| ").append(pad("scenario", nameWidth)).append(" |");
        StringBuilder rule = new StringBuilder("|").append("-".repeat(nameWidth + 2)).append("|");
        for (String column : columns) {
            line.append(' ').append(padLeft(column, width(column))).append(" |");
            rule.append("-".repeat(width(column) + 1)).append(":|");
        }
        return line + System.lineSeparator() + rule;
    }

    String row(ScenarioResult result) {
        return row(new Comparison(result, java.util.Optional.empty()));
    }

    String row(Comparison comparison) {
        ScenarioResult result = comparison.sightline();
        List<String> cells = new ArrayList<>(List.of(
            Integer.toString(result.requests()),
            Integer.toString(result.concurrency()),
            decimal(result.throughput()),
            decimal(result.latencyMillis(50)),
            decimal(result.latencyMillis(95)),
            decimal(result.latencyMillis(99)),
            decimal(result.maxLatencyMillis()),
            Integer.toString(result.failures()),
            decimal(result.meanAnswerKiB())));
        if (columns.length > COLUMNS.length) {
            RawSqlResult raw = comparison.raw().orElse(null);
            cells.add(raw == null || Double.isNaN(raw.tps()) ? "-" : decimal(raw.tps()));
            cells.add(raw == null || Double.isNaN(raw.latencyMillis(99)) ? "-" : decimal(raw.latencyMillis(99)));
            cells.add(raw == null ? "-" : Integer.toString(raw.failures()));
            cells.add(comparison.ratio().isPresent() ? significant(comparison.ratio().getAsDouble()) : "-");
        }
        StringBuilder line = new StringBuilder("| ").append(pad(result.scenario(), nameWidth)).append(" |");
        for (int i = 0; i < cells.size(); i++) {
            line.append(' ').append(padLeft(cells.get(i), width(columns[i]))).append(" |");
        }
        return line.toString();
    }

    /** The closing lines: failures in total, why each failing scenario failed, and the load at the end. */
    static String footer(List<Comparison> results, double loadAverageAtEnd) {
        int failures = results.stream().mapToInt(Comparison::failures).sum();
        int requests = results.stream().mapToInt(r -> r.sightline().requests() + r.raw().map(RawSqlResult::transactions).orElse(0)).sum();
        StringBuilder footer = new StringBuilder(String.format(Locale.ROOT,
                "%d failures in %d measured requests; load average at the end %s", failures, requests, load(loadAverageAtEnd)));
        for (Comparison comparison : results) {
            ScenarioResult result = comparison.sightline();
            String name = result.scenario() + " at concurrency " + result.concurrency();
            result.firstFailure().ifPresent(why -> footer.append(System.lineSeparator())
                    .append(String.format(Locale.ROOT, "%s: %d failed, the first because %s", name, result.failures(), why)));
            comparison.raw().flatMap(RawSqlResult::firstFailure).ifPresent(why -> footer.append(System.lineSeparator())
                    .append(String.format(Locale.ROOT, "%s, raw SQL: %d failed, the first because %s", name,
                            comparison.raw().get().failures(), why)));
        }
        return footer.toString();
    }

    private static int width(String column) {
        return Math.max(column.length(), 8);
    }

    private static String decimal(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    /** Two significant figures, so a ratio of 0.0042 is not printed as 0.0. */
    private static String significant(double value) {
        return new BigDecimal(value).round(new MathContext(2)).stripTrailingZeros().toPlainString();
    }

    private static String load(double loadAverage) {
        return loadAverage < 0 ? "unknown" : String.format(Locale.ROOT, "%.2f", loadAverage);
    }

    private static String pad(String text, int width) {
        return text + " ".repeat(Math.max(0, width - text.length()));
    }

    private static String padLeft(String text, int width) {
        return " ".repeat(Math.max(0, width - text.length())) + text;
    }
}
