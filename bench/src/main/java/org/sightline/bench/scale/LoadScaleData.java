package org.sightline.bench.scale;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import tools.jackson.databind.json.JsonMapper;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Loads the England-scale data set into a running server through its own endpoints: the ONS ward
 * and LSOA lookups, the characteristic types, the generated indicators and one release per
 * indicator and period (so each upload is one period, about 394,000 rows for a population
 * indicator). Prints the time and rows per second of every upload.
 */
@Command(name = "load-scale-data", mixinStandardHelpOptions = true, showDefaultValues = true, sortOptions = false,
        description = {"Loads real England geography and generated indicators (about 11 million observation rows) into a running",
                "server through its own geography and release imports, reproducibly from a seed. Needs an ADMIN key."})
public final class LoadScaleData implements Callable<Integer> {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Option(names = "--url", defaultValue = "http://localhost:8080", description = "The server's base URL.")
    URI url;

    @Option(names = "--api-key", required = true, description = "An ADMIN key (e.g. demo-admin, or the bootstrap admin key).")
    String apiKey;

    @Option(names = "--data", defaultValue = "../shared/data", description = "The folder holding ons/ward19_lad19_cty19_rgn19_ctry19.csv and ons/lsoa11_ward19_lad19.csv.")
    Path data;

    @Option(names = "--seed", defaultValue = "1", description = "The seed every generated count derives from.")
    long seed;

    @Option(names = "--lsoas", defaultValue = "0", description = "Load only the first N English LSOAs (0: all 32,844).")
    int lsoaLimit;

    @Option(names = "--skip-geography", description = "The geography is already loaded.")
    boolean skipGeography;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(30)).build();

    @Override
    public Integer call() throws Exception {
        Path ons = data.resolve("ons");
        Path wards = ons.resolve("ward19_lad19_cty19_rgn19_ctry19.csv");
        Path lsoaFile = ons.resolve("lsoa11_ward19_lad19.csv");
        if (!skipGeography) {
            post("/api/v1/geography", Files.readAllBytes(wards), "text/csv", "geography " + wards.getFileName());
            post("/api/v1/geography", Files.readAllBytes(lsoaFile), "text/csv", "geography " + lsoaFile.getFileName());
        }
        List<String> lsoas = englishLsoas(lsoaFile);
        if (lsoaLimit > 0) {
            lsoas = lsoas.subList(0, Math.min(lsoaLimit, lsoas.size()));
        }
        ScaleDataSet dataSet = new ScaleDataSet(seed, lsoas);
        for (var type : ScaleDataSet.TYPES.entrySet()) {
            List<Map<String, String>> values = type.getValue().stream().map(v -> Map.of("code", v[0], "label", v[1])).toList();
            postJson("/api/v1/characteristic-types", Map.of("code", type.getKey(), "name", name(type.getKey()), "values", values,
                    "ordered", type.getKey().equals("age_band")), "characteristic type " + type.getKey());
        }
        long rows = 0;
        long started = System.nanoTime();
        for (ScaleIndicator indicator : dataSet.indicators()) {
            postJson("/api/v1/indicators", indicator.definition(), "indicator " + indicator.id());
            for (String period : indicator.periods()) {
                byte[] csv = dataSet.releaseCsv(indicator, period).getBytes(StandardCharsets.UTF_8);
                long before = System.nanoTime();
                post("/api/v1/indicators/" + indicator.id() + "/releases", csv, "text/csv", indicator.id() + " " + period);
                double seconds = (System.nanoTime() - before) / 1e9;
                long periodRows = dataSet.rowsPerPeriod(indicator);
                rows += periodRows;
                System.out.printf("  %,d rows in %.1f s: %,.0f rows/s%n", periodRows, seconds, periodRows / seconds);
            }
        }
        System.out.printf("loaded %,d observation rows over %,d LSOAs in %.0f s%n", rows, lsoas.size(), (System.nanoTime() - started) / 1e9);
        return 0;
    }

    private static String name(String type) {
        return switch (type) {
            case "sex" -> "Sex";
            case "age_band" -> "Age band";
            case "need" -> "Primary support need";
            default -> type;
        };
    }

    /** The English LSOA codes of the ONS lookup, in file order (its second column; the first is a number). */
    static List<String> englishLsoas(Path lookup) throws IOException {
        List<String> codes = new ArrayList<>();
        try (Stream<String> lines = Files.lines(lookup, StandardCharsets.UTF_8)) {
            lines.skip(1).forEach(line -> {
                String[] fields = line.split(",", 3);
                if (fields.length > 1 && fields[1].startsWith("E01")) {
                    codes.add(fields[1]);
                }
            });
        }
        return codes;
    }

    private void postJson(String path, Object body, String what) throws IOException, InterruptedException {
        post(path, JSON.writeValueAsBytes(body), "application/json", what);
    }

    private void post(String path, byte[] body, String contentType, String what) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(url.resolve(path)).header("X-API-Key", apiKey).header("Content-Type", contentType)
                .timeout(Duration.ofMinutes(30)).POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300) {
            throw new IllegalStateException(what + ": HTTP " + response.statusCode() + " "
                    + response.body().substring(0, Math.min(500, response.body().length())));
        }
        System.out.println(what + ": HTTP " + response.statusCode());
    }
}
