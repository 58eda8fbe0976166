package org.sightline.bench;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;

/**
 * The benchmark's output: a header naming the server, the caller and the machine, then a Markdown
 * table with one row per scenario (printed as each scenario finishes), then why any failures
 * failed. Markdown, so the figures can be pasted into the README as measured.
 */
final class Report {

    private static final String[] COLUMNS = {
        "requests", "concurrency", "req/s", "p50 ms", "p95 ms", "p99 ms", "max ms", "failures", "KiB/answer"};

    private final int nameWidth;

    /** A report whose scenario column fits these names. */
    Report(List<String> scenarioNames) {
        this.nameWidth = Math.max("scenario".length(), scenarioNames.stream().mapToInt(String::length).max().orElse(0));
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
        for (String column : COLUMNS) {
            line.append(' ').append(padLeft(column, width(column))).append(" |");
            rule.append("-".repeat(width(column) + 1)).append(":|");
        }
        return line + System.lineSeparator() + rule;
    }

    String row(ScenarioResult result) {
        String[] cells = {
            Integer.toString(result.requests()),
            Integer.toString(result.concurrency()),
            decimal(result.throughput()),
            decimal(result.latencyMillis(50)),
            decimal(result.latencyMillis(95)),
            decimal(result.latencyMillis(99)),
            decimal(result.maxLatencyMillis()),
            Integer.toString(result.failures()),
            decimal(result.meanAnswerKiB())};
        StringBuilder line = new StringBuilder("| ").append(pad(result.scenario(), nameWidth)).append(" |");
        for (int i = 0; i < cells.length; i++) {
            line.append(' ').append(padLeft(cells[i], width(COLUMNS[i]))).append(" |");
        }
        return line.toString();
    }

    /** The closing lines: failures in total, why each failing scenario failed, and the load at the end. */
    static String footer(List<ScenarioResult> results, double loadAverageAtEnd) {
        int failures = results.stream().mapToInt(ScenarioResult::failures).sum();
        int requests = results.stream().mapToInt(ScenarioResult::requests).sum();
        StringBuilder footer = new StringBuilder(String.format(Locale.ROOT,
                "%d failures in %d measured requests; load average at the end %s", failures, requests, load(loadAverageAtEnd)));
        for (ScenarioResult result : results) {
            result.firstFailure().ifPresent(why -> footer.append(System.lineSeparator())
                    .append(String.format(Locale.ROOT, "%s: %d failed, the first because %s", result.scenario(), result.failures(), why)));
        }
        return footer.toString();
    }

    private static int width(String column) {
        return Math.max(column.length(), 8);
    }

    private static String decimal(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
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
